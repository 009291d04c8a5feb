import {
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { comparePartialDatesNewestFirst } from '@shared/model/partialDate';
import type { Agreement, Partner } from '@shared/model/records';
import { DetailHeader } from '../../ui/DetailHeader';
import { DetailSection } from '../../ui/DetailSection';
import { RecordLink } from '../../ui/RecordLink';
import { RecordNotFound } from '../../ui/RecordNotFound';
import { useFormat } from '../../ui/useFormat';
import { HistorySection } from '../history/components/HistorySection';
import { RecordActions } from '../records/components/RecordActions';
import { AgreementStatusChip } from '../agreements/components/AgreementStatusChip';
import { AgreementStepsTable } from '../agreements/components/AgreementStepsTable';
import { DocumentsSection } from '../records/components/DocumentsSection';
import { FollowUpsSection } from '../records/components/FollowUpsSection';
import { AreasTagsSection } from '../records/components/AreasTagsSection';
import { NotesSection } from '../records/components/NotesSection';
import { BriefingButton } from '../briefing/components/BriefingButton';
import { PartnerChronology } from './PartnerChronology';
import { usePartnerDossier } from './queries';

type AgreementCardProps = { agreement: Agreement; relatedPartners: Map<string, Partner> };

/** An agreement as the partner page shows it: title, status, parties and its dated steps. */
function AgreementCard({ agreement, relatedPartners }: AgreementCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const parties = agreement.parties
    .map((party) => relatedPartners.get(party.partnerId))
    .filter((partner): partner is Partner => partner !== undefined);
  return (
    <Card variant="outlined" data-testid="agreement-card" sx={{ mb: 2 }}>
      <CardContent>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}
        >
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            <RecordLink kind="agreements" id={agreement.id}>
              {format.text(agreement.title)}
            </RecordLink>
          </Typography>
          <Chip size="small" label={t(`enums.agreementKind.${agreement.kind}`)} />
          <AgreementStatusChip agreement={agreement} />
        </Stack>
        {parties.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('columns.parties')}: {parties.map((partner) => format.text(partner.name)).join('; ')}
          </Typography>
        )}
        <AgreementStepsTable steps={agreement.steps} />
      </CardContent>
    </Card>
  );
}

const firstStepDate = (agreement: Agreement) =>
  agreement.steps.reduce<string | null>(
    (earliest, step) =>
      step.date !== null && (earliest === null || step.date < earliest) ? step.date : earliest,
    null,
  );

/** A partner with everything linked to it: bodies, agreements and their steps, projects, events, people. */
export function PartnerDetailPage() {
  const { partnerId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = usePartnerDossier(partnerId);
  const section = { label: t('nav.partners'), path: '/partners' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;

  const { partner, parent, children, relatedPartners } = dossier;
  // Newest first everywhere; records whose dates are unknown come last.
  const agreements = [...dossier.agreements].sort((a, b) =>
    comparePartialDatesNewestFirst(firstStepDate(a), firstStepDate(b)),
  );
  const projects = [...dossier.projects].sort((a, b) =>
    comparePartialDatesNewestFirst(
      a.actualStart ?? a.plannedStart,
      b.actualStart ?? b.plannedStart,
    ),
  );
  const events = [...dossier.events].sort((a, b) =>
    comparePartialDatesNewestFirst(a.startDate, b.startDate),
  );
  const period = (start: string | null, end: string | null) =>
    start !== null && end === null
      ? t('partner.since', { date: format.date(start) })
      : format.dateRange(start, end);

  return (
    <>
      <DetailHeader
        section={section}
        title={partner.name}
        actions={
          <>
            <BriefingButton subject={{ partner: partner.id }} />
            <RecordActions kind="partners" id={partner.id} name={format.text(partner.name)} />
          </>
        }
        suffix={format.text(partner.acronym) || undefined}
        chips={
          <>
            <Chip label={t(`enums.partnerKind.${partner.kind}`)} />
            {partner.isOwnSide && <Chip color="primary" label={t('partner.ownSide')} />}
            {partner.mode && (
              <Chip variant="outlined" label={t(`enums.cooperationMode.${partner.mode}`)} />
            )}
            {partner.countryCode && (
              <Chip variant="outlined" label={format.country(partner.countryCode)} />
            )}
            <Chip variant="outlined" label={t(`enums.sensitivity.${partner.sensitivity}`)} />
          </>
        }
      />

      {(parent || children.length > 0) && (
        <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
          {parent && (
            <Typography>
              {t('partner.parent')}:{' '}
              <RecordLink kind="partners" id={parent.id}>
                {format.text(parent.name)}
              </RecordLink>
            </Typography>
          )}
          {children.length > 0 && (
            <Typography sx={{ mt: parent ? 1 : 0 }}>
              {t('partner.children')}:{' '}
              {children.map((child, index) => (
                <span key={child.id}>
                  {index > 0 && '; '}
                  <RecordLink kind="partners" id={child.id}>
                    {format.text(child.name)}
                  </RecordLink>
                </span>
              ))}
            </Typography>
          )}
        </Paper>
      )}

      {partner.membershipFacts.length > 0 && (
        <DetailSection title={t('partner.memberships')}>
          <List dense disablePadding>
            {partner.membershipFacts.map((fact, index) => {
              const named = fact.relatedPartnerIds
                .map((id) => relatedPartners.get(id))
                .filter((related): related is Partner => related !== undefined);
              return (
                <ListItem key={index} disableGutters data-testid="membership-fact">
                  <ListItemText
                    primary={format.text(fact.statement)}
                    secondary={
                      fact.since || named.length > 0 ? (
                        <>
                          {fact.since && t('partner.since', { date: format.date(fact.since) })}
                          {fact.since && named.length > 0 && ' · '}
                          {named.length > 0 && `${t('partner.factPartners')}: `}
                          {named.map((related, position) => (
                            <span key={related.id}>
                              {position > 0 && '; '}
                              <RecordLink kind="partners" id={related.id}>
                                {format.text(related.name)}
                              </RecordLink>
                            </span>
                          ))}
                        </>
                      ) : null
                    }
                  />
                </ListItem>
              );
            })}
          </List>
        </DetailSection>
      )}

      <PartnerChronology dossier={dossier} />

      <DetailSection
        title={t('partner.agreements')}
        count={agreements.length}
        isEmpty={agreements.length === 0}
        emptyText={t('partner.noAgreements')}
      >
        {agreements.map((agreement) => (
          <AgreementCard
            key={agreement.id}
            agreement={agreement}
            relatedPartners={relatedPartners}
          />
        ))}
      </DetailSection>

      <DetailSection
        title={t('partner.projects')}
        count={projects.length}
        isEmpty={projects.length === 0}
        emptyText={t('partner.noProjects')}
      >
        <List dense disablePadding>
          {projects.map((project) => {
            const role = project.partners.find((entry) => entry.partnerId === partner.id)?.role;
            return (
              <ListItem key={project.id} disableGutters data-testid="partner-project">
                <ListItemText
                  primary={
                    <RecordLink kind="projects" id={project.id}>
                      {format.text(project.title)}
                    </RecordLink>
                  }
                  secondary={[
                    t(`enums.projectStatus.${project.status}`),
                    period(
                      project.actualStart ?? project.plannedStart,
                      project.actualEnd ?? project.plannedEnd,
                    ),
                    role ? t('partner.role', { role: t(`enums.projectRole.${role}`) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      <DetailSection
        title={t('partner.events')}
        count={events.length}
        isEmpty={events.length === 0}
        emptyText={t('partner.noEvents')}
      >
        <List dense disablePadding>
          {events.map((event) => (
            <ListItem key={event.id} disableGutters data-testid="partner-event">
              <ListItemText
                primary={
                  <RecordLink kind="events" id={event.id}>
                    {format.text(event.title)}
                  </RecordLink>
                }
                secondary={[
                  t(`enums.eventKind.${event.kind}`),
                  format.dateRange(event.startDate, event.endDate),
                  [format.text(event.city), format.country(event.countryCode)]
                    .filter(Boolean)
                    .join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      </DetailSection>

      <DetailSection
        title={t('partner.people')}
        count={dossier.people.length}
        isEmpty={dossier.people.length === 0}
        emptyText={t('partner.noPeople')}
      >
        <List dense disablePadding>
          {dossier.people.map((person) => (
            <ListItem key={person.id} disableGutters data-testid="partner-person">
              <ListItemText
                primary={
                  <RecordLink kind="people" id={person.id}>
                    {format.text(person.name)}
                  </RecordLink>
                }
                secondary={person.positions
                  .filter((position) => position.organizationId === partner.id)
                  .map((position) =>
                    [
                      format.text(position.title),
                      position.from || position.to ? period(position.from, position.to) : '',
                    ]
                      .filter(Boolean)
                      .join(', '),
                  )
                  .join('; ')}
              />
            </ListItem>
          ))}
        </List>
      </DetailSection>

      {dossier.followUps.length > 0 && <FollowUpsSection followUps={dossier.followUps} />}
      <DocumentsSection documents={dossier.documents} record={partner} />
      <AreasTagsSection areaIds={partner.areaIds} tagIds={partner.tagIds} />
      <NotesSection notes={partner.notes} />
      <HistorySection kind="partners" id={partner.id} currentRev={partner.rev} />
    </>
  );
}
