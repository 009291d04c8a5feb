import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { comparePartialDatesNewestFirst } from '@shared/model/partialDate';
import { DetailHeader } from '../../ui/DetailHeader';
import { DetailSection } from '../../ui/DetailSection';
import { RecordLink } from '../../ui/RecordLink';
import { RecordNotFound } from '../../ui/RecordNotFound';
import { useFormat } from '../../ui/useFormat';
import { HistorySection } from '../history/components/HistorySection';
import { RecordActions } from '../records/components/RecordActions';
import { DocumentsSection } from '../records/components/DocumentsSection';
import { FollowUpsSection } from '../records/components/FollowUpsSection';
import { AreasTagsSection } from '../records/components/AreasTagsSection';
import { NotesSection } from '../records/components/NotesSection';
import { usePersonDossier } from './queries';

/** A person: positions over time (latest first), events attended, contacts and languages. */
export function PersonDetailPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = usePersonDossier(personId);
  const section = { label: t('nav.people'), path: '/people' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;
  const { person, organizations, events } = dossier;
  // Current positions (no end date) first, then the rest newest first; undated ones last.
  const positions = [...person.positions].sort(
    (a, b) =>
      Number(a.to !== null) - Number(b.to !== null) ||
      comparePartialDatesNewestFirst(a.from, b.from),
  );
  const attended = [...events].sort((a, b) =>
    comparePartialDatesNewestFirst(a.startDate, b.startDate),
  );

  return (
    <>
      <DetailHeader
        section={section}
        title={person.name}
        actions={<RecordActions kind="people" id={person.id} name={format.text(person.name)} />}
        chips={person.honorific ? <Chip variant="outlined" label={person.honorific} /> : undefined}
      />

      <DetailSection
        title={t('person.positions')}
        count={positions.length}
        isEmpty={positions.length === 0}
        emptyText={t('detail.noneRecorded')}
      >
        <List dense disablePadding>
          {positions.map((position) => {
            const organization = position.organizationId
              ? organizations.get(position.organizationId)
              : undefined;
            return (
              <ListItem key={position.id} disableGutters data-testid="person-position">
                <ListItemText
                  primary={
                    <>
                      {format.text(position.title)}
                      {organization && (
                        <>
                          {', '}
                          <RecordLink kind="partners" id={organization.id}>
                            {format.text(organization.name)}
                          </RecordLink>
                        </>
                      )}
                      {position.to === null && (
                        <Chip size="small" label={t('person.current')} sx={{ ml: 1 }} />
                      )}
                    </>
                  }
                  secondary={
                    position.from === null && position.to === null
                      ? t('common.unknownDate')
                      : position.to === null
                        ? t('partner.since', { date: format.date(position.from) })
                        : format.dateRange(position.from, position.to)
                  }
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      <DetailSection
        title={t('person.events')}
        count={attended.length}
        isEmpty={attended.length === 0}
        emptyText={t('partner.noEvents')}
      >
        <List dense disablePadding>
          {attended.map((event) => {
            const role = event.participants.find((p) => p.personId === person.id)?.role;
            return (
              <ListItem key={event.id} disableGutters>
                <ListItemText
                  primary={
                    <RecordLink kind="events" id={event.id}>
                      {format.text(event.title)}
                    </RecordLink>
                  }
                  secondary={[
                    format.dateRange(event.startDate, event.endDate),
                    role ? t(`enums.participantRole.${role}`) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      {person.contacts.length > 0 && (
        <DetailSection title={t('person.contacts')}>
          <List dense disablePadding>
            {person.contacts.map((contact, index) => (
              <ListItem key={index} disableGutters>
                <ListItemText
                  primary={contact.value}
                  secondary={contact.label ?? t(`enums.contactKind.${contact.kind}`)}
                />
              </ListItem>
            ))}
          </List>
        </DetailSection>
      )}

      {person.languages.length > 0 && (
        <DetailSection title={t('person.languages')}>
          <Typography data-testid="person-languages">
            {person.languages.map((code) => format.languageName(code)).join(', ')}
          </Typography>
        </DetailSection>
      )}

      <FollowUpsSection followUps={dossier.followUps} />
      <DocumentsSection documents={dossier.documents} record={person} />
      <AreasTagsSection areaIds={person.areaIds} tagIds={person.tagIds} />
      <NotesSection notes={person.notes} />
      <HistorySection kind="people" id={person.id} currentRev={person.rev} />
    </>
  );
}
