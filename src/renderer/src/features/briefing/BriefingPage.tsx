import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  defaultSectionChoices,
  type BriefingOptions,
  type BriefingSubject,
  type SectionChoice,
} from '@shared/briefing/briefingModel';
import { renderBriefingHtml } from '@shared/briefing/renderBriefingHtml';
import { LANGUAGES, type Language } from '@shared/model/localizedText';
import { allowedExportFormats } from '@shared/model/policy';
import { SENSITIVITY_LEVELS, type Sensitivity } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/Notifications';
import { todayIso } from '../../ui/todayIso';
import { useFormat } from '../../ui/useFormat';
import { SectionChooser } from './components/SectionChooser';
import { SubjectPicker } from './components/SubjectPicker';
import { savePackAsDocx, savePackAsPdf } from './saveBriefing';
import { saveTemplate, useBriefingTemplates } from './templates';
import { useBriefingPack } from './useBriefingPack';

/** The subject named in the address: ?partner=, ?event=, ?country= or ?records=a,b. */
function subjectFromParams(params: URLSearchParams): BriefingSubject | null {
  const partnerId = params.get('partner');
  if (partnerId) return { kind: 'partner', partnerId };
  const eventId = params.get('event');
  if (eventId) return { kind: 'event', eventId };
  const countryCode = params.get('country');
  if (countryCode) return { kind: 'country', countryCode };
  const records = params.get('records');
  if (records) return { kind: 'selection', recordIds: records.split(',').filter(Boolean) };
  return null;
}

function paramsFromSubject(subject: BriefingSubject | null): Record<string, string> {
  if (!subject) return {};
  switch (subject.kind) {
    case 'partner':
      return { partner: subject.partnerId };
    case 'event':
      return { event: subject.eventId };
    case 'country':
      return { country: subject.countryCode };
    case 'selection':
      return { records: subject.recordIds.join(',') };
  }
}

type Busy = 'pdf' | 'docx' | null;

/**
 * Briefing packs: choose a subject, a language, sections and their order, talking points and the
 * highest marking to include; see the pack as it will print; save it as PDF or Word.
 */
export function BriefingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, policy } = useRegistry();
  // Only the pack formats the machine policy allows; main refuses the others anyway.
  const packFormats = (['pdf', 'docx'] as const).filter((format) =>
    allowedExportFormats(policy.settings).includes(format),
  );
  const [params, setParams] = useSearchParams();
  const subject = useMemo(() => subjectFromParams(params), [params]);
  const [subjectKind, setSubjectKind] = useState<BriefingSubject['kind']>(
    subject?.kind ?? 'partner',
  );
  const [language, setLanguage] = useState<Language>(format.language);
  const [sections, setSections] = useState<SectionChoice[]>(defaultSectionChoices);
  const [talkingPoints, setTalkingPoints] = useState('');
  const [maxSensitivity, setMaxSensitivity] = useState<Sensitivity>('restricted');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [templateName, setTemplateName] = useState<string | null>(null);
  const templates = useBriefingTemplates();
  const today = todayIso();

  const options = useMemo<BriefingOptions>(
    () => ({ language, sections, talkingPoints, maxSensitivity, today }),
    [language, sections, talkingPoints, maxSensitivity, today],
  );
  const doc = useBriefingPack(subject, options);
  const previewHtml = useMemo(() => (doc ? renderBriefingHtml(doc) : ''), [doc]);

  const changeSubject = (next: BriefingSubject | null) =>
    setParams(paramsFromSubject(next), { replace: true });

  const save = async (kind: 'pdf' | 'docx') => {
    if (!doc) return;
    setBusy(kind);
    setError(null);
    try {
      const labels =
        kind === 'pdf'
          ? { dialogTitle: t('briefing.dialogTitlePdf'), filterName: t('briefing.pdfFilter') }
          : { dialogTitle: t('briefing.dialogTitleDocx'), filterName: t('briefing.docxFilter') };
      const saved =
        kind === 'pdf'
          ? await savePackAsPdf(doc, today, labels)
          : await savePackAsDocx(doc, today, labels);
      if (saved)
        notify({ severity: 'success', message: t('briefing.saved', { name: saved.name }) });
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(null);
    }
  };

  const applyTemplate = (id: string) => {
    const template = templates?.find((candidate) => candidate.id === id);
    if (!template) return;
    setSections(template.sections);
    setMaxSensitivity(template.maxSensitivity);
    notify({ severity: 'info', message: t('briefing.templateApplied', { name: template.name }) });
  };

  const storeTemplate = async () => {
    const name = templateName?.trim() ?? '';
    if (name === '') return;
    try {
      const saved = await saveTemplate(db, { name, sections, maxSensitivity });
      notify({ severity: 'success', message: t('briefing.templateSaved', { name: saved.name }) });
      setTemplateName(null);
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  return (
    <Box>
      <Typography variant="h4" component="h1">
        {t('briefing.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('briefing.intro')}
      </Typography>

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={2} sx={{ width: { xs: '100%', lg: 420 }, flexShrink: 0 }}>
          <SubjectPicker
            subject={subject}
            kind={subjectKind}
            onKindChange={(kind) => {
              setSubjectKind(kind);
              if (subject?.kind !== kind) changeSubject(null);
            }}
            onChange={changeSubject}
          />
          <TextField
            select
            label={t('briefing.language')}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((option) => (
              <MenuItem key={option} value={option} lang={option}>
                {t(`language.${option}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('briefing.threshold')}
            value={maxSensitivity}
            onChange={(event) => setMaxSensitivity(event.target.value as Sensitivity)}
          >
            {SENSITIVITY_LEVELS.map((level) => (
              <MenuItem key={level} value={level}>
                {t(`enums.sensitivity.${level}`)}
              </MenuItem>
            ))}
          </TextField>

          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h6" component="h2">
              {t('briefing.sections')}
            </Typography>
            <SectionChooser sections={sections} onChange={setSections} />
            <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
              <TextField
                select
                size="small"
                label={t('briefing.applyTemplate')}
                value=""
                onChange={(event) => applyTemplate(event.target.value)}
                sx={{ minWidth: 200 }}
                disabled={!templates || templates.length === 0}
                helperText={templates && templates.length === 0 ? t('briefing.noTemplates') : ' '}
              >
                {(templates ?? []).map((template) => (
                  <MenuItem key={template.id} value={template.id}>
                    {template.name}
                  </MenuItem>
                ))}
              </TextField>
              <Button onClick={() => setTemplateName('')}>{t('briefing.saveTemplate')}</Button>
            </Stack>
          </Paper>

          <TextField
            multiline
            minRows={4}
            label={t('briefing.talkingPoints')}
            helperText={t('briefing.talkingPointsHint')}
            value={talkingPoints}
            onChange={(event) => setTalkingPoints(event.target.value)}
          />

          {doc && (
            <Alert severity={doc.marking === 'public' ? 'info' : 'warning'}>
              {t('briefing.marking')}:{' '}
              <strong data-testid="briefing-marking">{doc.markingText}</strong>.{' '}
              {t('briefing.markingHint')}
              {doc.leftOut > 0 &&
                ` ${t('briefing.leftOut', {
                  count: doc.leftOut,
                  level: t(`enums.sensitivity.${maxSensitivity}`),
                })}`}
            </Alert>
          )}
          {error && (
            <Alert severity="error" onClose={() => setError(null)}>
              {error}
            </Alert>
          )}
          <Stack direction="row" spacing={1}>
            {packFormats.includes('pdf') && (
              <Button
                variant="contained"
                startIcon={<PictureAsPdfIcon />}
                disabled={!doc || busy !== null}
                onClick={() => void save('pdf')}
              >
                {t('briefing.savePdf')}
              </Button>
            )}
            {packFormats.includes('docx') && (
              <Button
                variant="outlined"
                startIcon={<DescriptionIcon />}
                disabled={!doc || busy !== null}
                onClick={() => void save('docx')}
              >
                {t('briefing.saveDocx')}
              </Button>
            )}
            {packFormats.length === 0 && (
              <Typography color="text.secondary" data-testid="briefing-export-forbidden">
                {t('exports.noneAllowed')}
              </Typography>
            )}
          </Stack>
          {busy && (
            <Box role="status">
              <Typography variant="body2">{t('briefing.preparing')}</Typography>
              <LinearProgress />
            </Box>
          )}
        </Stack>

        <Box sx={{ flexGrow: 1, width: '100%', minWidth: 0 }}>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('briefing.preview')}
          </Typography>
          {subject === null ? (
            <Typography color="text.secondary">{t('briefing.noSubject')}</Typography>
          ) : doc === undefined ? (
            <Typography role="status">{t('briefing.loading')}</Typography>
          ) : doc === null ? (
            <Typography color="text.secondary">{t('briefing.noSubject')}</Typography>
          ) : (
            <Box
              component="iframe"
              title={t('briefing.previewFrame')}
              // No scripts, no same-origin: the preview can show the pack and do nothing else.
              sandbox=""
              srcDoc={previewHtml}
              sx={{
                width: '100%',
                height: '80vh',
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                bgcolor: 'background.paper',
              }}
            />
          )}
        </Box>
      </Stack>

      <Dialog open={templateName !== null} onClose={() => setTemplateName(null)}>
        <DialogTitle>{t('briefing.saveTemplate')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            label={t('briefing.templateName')}
            value={templateName ?? ''}
            onChange={(event) => setTemplateName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void storeTemplate();
            }}
            slotProps={{ htmlInput: { maxLength: 80 } }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTemplateName(null)}>{t('briefing.cancel')}</Button>
          <Button
            variant="contained"
            disabled={(templateName ?? '').trim() === ''}
            onClick={() => void storeTemplate()}
          >
            {t('briefing.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
