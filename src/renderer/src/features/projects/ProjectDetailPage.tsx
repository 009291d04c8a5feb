import { Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { IATI_ACTIVITY_STATUS } from '@shared/model/records';
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
import { useProjectDossier } from './queries';

/** A joint project: status, partners and roles, programme, agreement, planned and actual dates. */
export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = useProjectDossier(projectId);
  const section = { label: t('nav.projects'), path: '/projects' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;
  const { project, partners, agreement } = dossier;
  const programme = project.programmeId ? partners.get(project.programmeId) : undefined;
  const period = (start: string | null, end: string | null) =>
    start !== null && end === null
      ? t('partner.since', { date: format.date(start) })
      : format.dateRange(start, end);

  return (
    <>
      <DetailHeader
        section={section}
        title={project.title}
        actions={
          <RecordActions kind="projects" id={project.id} name={format.text(project.title)} />
        }
        chips={
          <>
            <Chip
              color={project.status === 'ongoing' ? 'success' : 'default'}
              label={t(`enums.projectStatus.${project.status}`)}
              title={t('project.iatiCode', { code: IATI_ACTIVITY_STATUS[project.status] })}
            />
            <Chip variant="outlined" label={t(`enums.sensitivity.${project.sensitivity}`)} />
          </>
        }
      />

      <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
        <Stack spacing={0.5}>
          <Typography data-testid="project-actual">
            {t('project.actual')}: {period(project.actualStart, project.actualEnd)}
          </Typography>
          {(project.plannedStart !== null || project.plannedEnd !== null) && (
            <Typography>
              {t('project.planned')}: {period(project.plannedStart, project.plannedEnd)}
            </Typography>
          )}
          {programme && (
            <Typography>
              {t('project.programme')}:{' '}
              <RecordLink kind="partners" id={programme.id}>
                {format.text(programme.name)}
              </RecordLink>
            </Typography>
          )}
          {agreement && (
            <Typography>
              {t('project.agreement')}:{' '}
              <RecordLink kind="agreements" id={agreement.id}>
                {format.text(agreement.title)}
              </RecordLink>
            </Typography>
          )}
          {project.budget && (
            <Typography>
              {t('project.budget')}:{' '}
              {new Intl.NumberFormat(format.locale, {
                style: 'currency',
                currency: project.budget.currency,
              }).format(project.budget.amount)}
            </Typography>
          )}
        </Stack>
      </Paper>

      <DetailSection
        title={t('columns.partners')}
        count={project.partners.length}
        isEmpty={project.partners.length === 0}
        emptyText={t('detail.noneRecorded')}
      >
        <List dense disablePadding>
          {project.partners.map((entry) => {
            const partner = partners.get(entry.partnerId);
            return (
              <ListItem key={`${entry.partnerId}-${entry.role}`} disableGutters>
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
                  secondary={t(`enums.projectRole.${entry.role}`)}
                />
              </ListItem>
            );
          })}
        </List>
      </DetailSection>

      {project.outputs.length > 0 && (
        <DetailSection title={t('project.outputs')} count={project.outputs.length}>
          <List dense disablePadding>
            {project.outputs.map((output, index) => (
              <ListItem key={index} disableGutters>
                <ListItemText primary={format.text(output)} />
              </ListItem>
            ))}
          </List>
        </DetailSection>
      )}

      <FollowUpsSection followUps={dossier.followUps} />
      <DocumentsSection documents={dossier.documents} record={project} />
      <AreasTagsSection areaIds={project.areaIds} tagIds={project.tagIds} />
      <NotesSection notes={project.notes} />
      <HistorySection kind="projects" id={project.id} currentRev={project.rev} />
    </>
  );
}
