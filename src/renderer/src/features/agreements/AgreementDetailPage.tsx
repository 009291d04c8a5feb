import { Chip, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
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
import { AgreementStatusChip } from './components/AgreementStatusChip';
import { AgreementStepsTable } from './components/AgreementStepsTable';
import { useAgreementDossier } from './queries';

/** An agreement: parties and roles, dated steps, derived status, term, related projects. */
export function AgreementDetailPage() {
  const { agreementId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = useAgreementDossier(agreementId);
  const section = { label: t('nav.agreements'), path: '/agreements' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;
  const { agreement, parties, projects } = dossier;

  return (
    <>
      <DetailHeader
        section={section}
        title={agreement.title}
        actions={
          <RecordActions kind="agreements" id={agreement.id} name={format.text(agreement.title)} />
        }
        chips={
          <>
            <Chip label={t(`enums.agreementKind.${agreement.kind}`)} />
            <AgreementStatusChip agreement={agreement} />
            <Chip variant="outlined" label={t(`enums.sensitivity.${agreement.sensitivity}`)} />
          </>
        }
      />

      <DetailSection
        title={t('columns.parties')}
        count={agreement.parties.length}
        isEmpty={agreement.parties.length === 0}
        emptyText={t('detail.noneRecorded')}
      >
        <List dense disablePadding>
          {agreement.parties.map((party) => {
            const partner = parties.get(party.partnerId);
            return (
              <ListItem key={party.partnerId} disableGutters>
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
                  secondary={t(`enums.partyRole.${party.role}`)}
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      <DetailSection title={t('agreement.steps')} count={agreement.steps.length}>
        <Paper variant="outlined">
          <AgreementStepsTable steps={agreement.steps} />
        </Paper>
      </DetailSection>

      {(agreement.termMonths !== null ||
        agreement.expiryDate !== null ||
        agreement.renewalNoticeDate !== null) && (
        <DetailSection title={t('agreement.termSection')}>
          {agreement.termMonths !== null && (
            <Typography>{t('agreement.term', { months: agreement.termMonths })}</Typography>
          )}
          {agreement.expiryDate !== null && (
            <Typography>
              {t('agreement.expires', { date: format.date(agreement.expiryDate) })}
            </Typography>
          )}
          {agreement.renewalNoticeDate !== null && (
            <Typography>
              {t('agreement.renewalNotice', { date: format.date(agreement.renewalNoticeDate) })}
            </Typography>
          )}
        </DetailSection>
      )}

      <DetailSection
        title={t('agreement.relatedProjects')}
        count={projects.length}
        isEmpty={projects.length === 0}
        emptyText={t('partner.noProjects')}
      >
        <List dense disablePadding>
          {projects.map((project) => (
            <ListItem key={project.id} disableGutters>
              <ListItemText
                primary={
                  <RecordLink kind="projects" id={project.id}>
                    {format.text(project.title)}
                  </RecordLink>
                }
                secondary={t(`enums.projectStatus.${project.status}`)}
              />
            </ListItem>
          ))}
        </List>
      </DetailSection>

      <FollowUpsSection followUps={dossier.followUps} sourceId={agreement.id} />
      <DocumentsSection documents={dossier.documents} record={agreement} />
      <AreasTagsSection areaIds={agreement.areaIds} tagIds={agreement.tagIds} />
      <NotesSection notes={agreement.notes} />
      <HistorySection kind="agreements" id={agreement.id} currentRev={agreement.rev} />
    </>
  );
}
