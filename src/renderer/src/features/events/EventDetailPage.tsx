import { Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailHeader } from '../../ui/DetailHeader';
import { DetailSection } from '../../ui/DetailSection';
import { RecordLink } from '../../ui/RecordLink';
import { RecordNotFound } from '../../ui/RecordNotFound';
import { useFormat } from '../../ui/useFormat';
import { HistorySection } from '../history/components/HistorySection';
import { BriefingButton } from '../briefing/components/BriefingButton';
import { RecordActions } from '../records/components/RecordActions';
import { DocumentsSection } from '../records/components/DocumentsSection';
import { FollowUpsSection } from '../records/components/FollowUpsSection';
import { AreasTagsSection } from '../records/components/AreasTagsSection';
import { NotesSection } from '../records/components/NotesSection';
import { useEventDossier } from './queries';

/** A meeting or visit: when and where, its series, organizer, partners, participants, outcomes. */
export function EventDetailPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = useEventDossier(eventId);
  const section = { label: t('nav.events'), path: '/events' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;
  const { event, partners, people } = dossier;
  const organizer = event.organizerId ? partners.get(event.organizerId) : undefined;
  const place = [format.text(event.city), format.country(event.countryCode)]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <DetailHeader
        section={section}
        title={event.title}
        actions={
          <>
            <BriefingButton subject={{ event: event.id }} />
            <RecordActions kind="events" id={event.id} name={format.text(event.title)} />
          </>
        }
        chips={
          <>
            <Chip label={t(`enums.eventKind.${event.kind}`)} />
            <Chip variant="outlined" label={t(`enums.sensitivity.${event.sensitivity}`)} />
          </>
        }
      />

      <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
        <Stack spacing={0.5}>
          <Typography data-testid="event-dates">
            {t('event.when')}: {format.dateRange(event.startDate, event.endDate)}
          </Typography>
          {place && (
            <Typography>
              {t('event.where')}: {place}
            </Typography>
          )}
          {event.series && (
            <Typography data-testid="event-series">
              {event.series.number === null
                ? t('event.seriesUnnumbered', { name: format.text(event.series.name) })
                : t('event.seriesNumbered', {
                    number: event.series.number,
                    name: format.text(event.series.name),
                  })}
            </Typography>
          )}
          {organizer && (
            <Typography>
              {t('event.organizer')}:{' '}
              <RecordLink kind="partners" id={organizer.id}>
                {format.text(organizer.name)}
              </RecordLink>
            </Typography>
          )}
        </Stack>
      </Paper>

      <DetailSection
        title={t('columns.partners')}
        count={event.partnerIds.length}
        isEmpty={event.partnerIds.length === 0}
        emptyText={t('detail.noneRecorded')}
      >
        <List dense disablePadding>
          {event.partnerIds.map((partnerId) => {
            const partner = partners.get(partnerId);
            return (
              <ListItem key={partnerId} disableGutters>
                <ListItemText
                  primary={
                    partner ? (
                      <RecordLink kind="partners" id={partner.id}>
                        {format.text(partner.name)}
                      </RecordLink>
                    ) : (
                      t('detail.missingRecord')
                    )
                  }
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      <DetailSection
        title={t('event.participants')}
        count={event.participants.length}
        isEmpty={event.participants.length === 0}
        emptyText={t('detail.noneRecorded')}
      >
        <List dense disablePadding>
          {event.participants.map((participant) => {
            const person = people.get(participant.personId);
            return (
              <ListItem key={participant.personId} disableGutters data-testid="event-participant">
                <ListItemText
                  primary={
                    person ? (
                      <RecordLink kind="people" id={person.id}>
                        {format.text(person.name)}
                      </RecordLink>
                    ) : (
                      t('detail.missingRecord')
                    )
                  }
                  secondary={t(`enums.participantRole.${participant.role}`)}
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      <NotesSection notes={event.outcomes} title={t('event.outcomes')} />
      <FollowUpsSection followUps={dossier.followUps} sourceId={event.id} />
      <DocumentsSection documents={dossier.documents} record={event} />
      <AreasTagsSection areaIds={event.areaIds} tagIds={event.tagIds} />
      <NotesSection notes={event.notes} />
      <HistorySection kind="events" id={event.id} currentRev={event.rev} />
    </>
  );
}
