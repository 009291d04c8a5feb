import {
  Box,
  Breadcrumbs,
  Card,
  CardContent,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { deriveAgreementStatus, sortAgreementSteps } from '@shared/model/agreementStatus';
import { pickedLanguage } from '@shared/model/localizedText';
import type { Agreement, Partner } from '@shared/model/records';
import { EmptyState } from '../../ui/EmptyState';
import { todayIso } from '../../ui/todayIso';
import { useFormat, type Format } from '../../ui/useFormat';
import { usePartnerDossier } from './queries';

type SectionProps = { title: string; count?: number; children: ReactNode };

function Section({ title, count, children }: SectionProps) {
  const headingId = `section-${title.replace(/\s+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h6" component="h2" gutterBottom>
        {title}
        {count !== undefined && (
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            ({count})
          </Typography>
        )}
      </Typography>
      {children}
    </Box>
  );
}

function PartnerLink({ partner, format }: { partner: Partner; format: Format }) {
  return (
    <Link component={RouterLink} to={`/partners/${partner.id}`}>
      {format.text(partner.name)}
    </Link>
  );
}

type AgreementCardProps = { agreement: Agreement; relatedPartners: Map<string, Partner> };

function AgreementCard({ agreement, relatedPartners }: AgreementCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = deriveAgreementStatus(agreement, todayIso());
  const steps = sortAgreementSteps(agreement.steps);
  const parties = agreement.parties
    .map((party) => relatedPartners.get(party.partnerId))
    .filter((partner): partner is Partner => partner !== undefined);
  return (
    <Card variant="outlined" data-testid="agreement-card" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {format.text(agreement.title)}
          </Typography>
          <Chip size="small" label={t(`enums.agreementKind.${agreement.kind}`)} />
          <Chip
            size="small"
            color={status === 'in-force' ? 'success' : 'default'}
            label={t(`enums.agreementStatus.${status}`)}
            data-testid="agreement-status"
          />
        </Stack>
        {parties.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('columns.parties')}: {parties.map((partner) => format.text(partner.name)).join('; ')}
          </Typography>
        )}
        {steps.length === 0 ? (
          <Typography variant="body2">{t('agreement.noSteps')}</Typography>
        ) : (
          <Table size="small" aria-label={t('agreement.steps')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('agreement.step')}</TableCell>
                <TableCell>{t('agreement.date')}</TableCell>
                <TableCell>{t('agreement.place')}</TableCell>
                <TableCell>{t('agreement.instrument')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {steps.map((step) => (
                <TableRow key={step.id} data-testid="agreement-step">
                  <TableCell>{t(`enums.stepKind.${step.kind}`)}</TableCell>
                  <TableCell>{format.date(step.date)}</TableCell>
                  <TableCell>{format.text(step.place)}</TableCell>
                  <TableCell>{format.text(step.instrument)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {(agreement.termMonths !== null || agreement.expiryDate !== null) && (
          <Typography variant="body2" sx={{ mt: 1 }}>
            {agreement.termMonths !== null && t('agreement.term', { months: agreement.termMonths })}
            {agreement.termMonths !== null && agreement.expiryDate !== null && ' · '}
            {agreement.expiryDate !== null &&
              t('agreement.expires', { date: format.date(agreement.expiryDate) })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** A partner with everything linked to it: bodies, agreements and their steps, projects, events, people. */
export function PartnerDetailPage() {
  const { partnerId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = usePartnerDossier(partnerId);

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) {
    return (
      <EmptyState title={t('common.notFound')}>
        <Link component={RouterLink} to="/partners">
          {t('common.backTo', { section: t('nav.partners') })}
        </Link>
      </EmptyState>
    );
  }

  const { partner, parent, children, agreements, projects, events, people, relatedPartners } =
    dossier;
  const nameLanguage = pickedLanguage(partner.name, format.language);
  const period = (start: string | null, end: string | null) =>
    start !== null && end === null
      ? t('partner.since', { date: format.date(start) })
      : format.dateRange(start, end);
  const roleOf = (roles: { partnerId: string; role: string }[]) =>
    roles.find((entry) => entry.partnerId === partner.id)?.role;

  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to="/partners">
          {t('nav.partners')}
        </Link>
        <Typography color="text.primary">
          {format.text(partner.acronym) || format.text(partner.name)}
        </Typography>
      </Breadcrumbs>
      <Typography variant="h4" component="h1">
        {format.text(partner.name)}
        {partner.acronym !== null && (
          <Typography component="span" variant="h5" color="text.secondary" sx={{ ml: 1 }}>
            ({format.text(partner.acronym)})
          </Typography>
        )}
      </Typography>
      {nameLanguage !== null && nameLanguage !== format.language && (
        <Typography variant="caption" color="text.secondary">
          {t('language.fallbackNote', { language: t(`language.${nameLanguage}`) })}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
        <Chip label={t(`enums.partnerKind.${partner.kind}`)} />
        {partner.isOwnSide && <Chip color="primary" label={t('partner.ownSide')} />}
        {partner.mode && (
          <Chip variant="outlined" label={t(`enums.cooperationMode.${partner.mode}`)} />
        )}
        {partner.countryCode && (
          <Chip variant="outlined" label={format.country(partner.countryCode)} />
        )}
        <Chip variant="outlined" label={t(`enums.sensitivity.${partner.sensitivity}`)} />
      </Stack>

      {(parent || children.length > 0) && (
        <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
          {parent && (
            <Typography>
              {t('partner.parent')}: <PartnerLink partner={parent} format={format} />
            </Typography>
          )}
          {children.length > 0 && (
            <Typography sx={{ mt: parent ? 1 : 0 }}>
              {t('partner.children')}:{' '}
              {children.map((child, index) => (
                <span key={child.id}>
                  {index > 0 && '; '}
                  <PartnerLink partner={child} format={format} />
                </span>
              ))}
            </Typography>
          )}
        </Paper>
      )}

      {partner.membershipFacts.length > 0 && (
        <Section title={t('partner.memberships')}>
          <List dense disablePadding>
            {partner.membershipFacts.map((fact, index) => (
              <ListItem key={index} disableGutters>
                <ListItemText
                  primary={format.text(fact.statement)}
                  secondary={
                    fact.since ? t('partner.since', { date: format.date(fact.since) }) : null
                  }
                />
              </ListItem>
            ))}
          </List>
        </Section>
      )}

      <Section title={t('partner.agreements')} count={agreements.length}>
        {agreements.length === 0 ? (
          <Typography color="text.secondary">{t('partner.noAgreements')}</Typography>
        ) : (
          agreements.map((agreement) => (
            <AgreementCard
              key={agreement.id}
              agreement={agreement}
              relatedPartners={relatedPartners}
            />
          ))
        )}
      </Section>

      <Section title={t('partner.projects')} count={projects.length}>
        {projects.length === 0 ? (
          <Typography color="text.secondary">{t('partner.noProjects')}</Typography>
        ) : (
          <List dense disablePadding>
            {projects.map((project) => {
              const role = roleOf(project.partners);
              return (
                <ListItem key={project.id} disableGutters data-testid="partner-project">
                  <ListItemText
                    primary={format.text(project.title)}
                    secondary={[
                      t(`enums.projectStatus.${project.status}`),
                      period(
                        project.actualStart ?? project.plannedStart,
                        project.actualEnd ?? project.plannedEnd,
                      ),
                      role
                        ? t('partner.role', { role: t(`enums.projectRole.${role as 'partner'}`) })
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              );
            })}
          </List>
        )}
      </Section>

      <Section title={t('partner.events')} count={events.length}>
        {events.length === 0 ? (
          <Typography color="text.secondary">{t('partner.noEvents')}</Typography>
        ) : (
          <List dense disablePadding>
            {[...events]
              .sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''))
              .map((event) => (
                <ListItem key={event.id} disableGutters data-testid="partner-event">
                  <ListItemText
                    primary={format.text(event.title)}
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
        )}
      </Section>

      <Section title={t('partner.people')} count={people.length}>
        {people.length === 0 ? (
          <Typography color="text.secondary">{t('partner.noPeople')}</Typography>
        ) : (
          <List dense disablePadding>
            {people.map((person) => (
              <ListItem key={person.id} disableGutters data-testid="partner-person">
                <ListItemText
                  primary={format.text(person.name)}
                  secondary={person.positions
                    .filter((position) => position.organizationId === partner.id)
                    .map((position) =>
                      [
                        format.text(position.title),
                        position.from || position.to
                          ? format.dateRange(position.from, position.to)
                          : '',
                      ]
                        .filter(Boolean)
                        .join(', '),
                    )
                    .join('; ')}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Section>

      {dossier.followUps.length > 0 && (
        <Section title={t('partner.followUps')} count={dossier.followUps.length}>
          <List dense disablePadding>
            {dossier.followUps.map((followUp) => (
              <ListItem key={followUp.id} disableGutters>
                <ListItemText
                  primary={format.text(followUp.title)}
                  secondary={[
                    t(`enums.followUpStatus.${followUp.status}`),
                    format.date(followUp.dueDate),
                  ].join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </Section>
      )}

      {dossier.documents.length > 0 && (
        <Section title={t('partner.documents')} count={dossier.documents.length}>
          <List dense disablePadding>
            {dossier.documents.map((document) => (
              <ListItem key={document.id} disableGutters>
                <ListItemText
                  primary={format.text(document.title)}
                  secondary={document.file?.name}
                />
              </ListItem>
            ))}
          </List>
        </Section>
      )}

      {partner.notes && (
        <Section title={t('partner.notes')}>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{format.text(partner.notes)}</Typography>
        </Section>
      )}
    </Box>
  );
}
