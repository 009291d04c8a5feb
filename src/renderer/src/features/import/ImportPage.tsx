import {
  Alert,
  Box,
  Button,
  Paper,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTable } from '@shared/import/cells';
import { guessMapping, mappingProblems, type ImportMapping } from '@shared/import/guessMapping';
import { IMPORT_KINDS, type ImportKind } from '@shared/import/importFields';
import { SNAPSHOT_KINDS } from '@shared/import/readSnapshot';
import type { DuplicateDecision, RowPlan } from '@shared/import/rowPlan';
import { allowedExportFormats } from '@shared/model/policy';
import { useRegistry } from '../../app/RegistryContext';
import { recordListPath } from '../../app/recordPaths';
import { registryClient } from '../../ipc/registryClient';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/Notifications';
import { useFormat } from '../../ui/useFormat';
import { commitImport, ImportConflictError, type ImportReport } from './commitImport';
import { CheckStep } from './components/CheckStep';
import { ChoiceStep } from './components/ChoiceStep';
import { ColumnsStep } from './components/ColumnsStep';
import { ConfirmStep } from './components/ConfirmStep';
import { ImportProgress, type Busy } from './components/ImportProgress';
import { ReportStep } from './components/ReportStep';
import { reasonText } from './describeProblem';
import type { PatchContext } from './describePatch';
import {
  planKey,
  type FileSummary,
  type RegistryLookups,
  type SheetSummary,
} from './importProtocol';
import { ImportWorkerClient, ImportWorkerError } from './importWorkerClient';
import { loadRegistryLookups } from './registryLookups';
import {
  applySavedMapping,
  deleteSavedMapping,
  listSavedMappings,
  saveMapping,
  savedMappingFit,
  type SavedMapping,
} from './savedMappings';

/** Files above this are refused by main before they are read (spreadsheets are far smaller). */
export const MAX_IMPORT_BYTES = 100 * 1_048_576;

const IMPORT_EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx', 'json'];

type StepId = 'file' | 'sheet' | 'kind' | 'columns' | 'check' | 'confirm' | 'report';

function stepsFor(summary: FileSummary | null): StepId[] {
  if (summary?.format === 'json') return ['file', 'check', 'confirm', 'report'];
  if (summary?.format === 'xlsx' && summary.sheets.length > 1) {
    return ['file', 'sheet', 'kind', 'columns', 'check', 'confirm', 'report'];
  }
  return ['file', 'kind', 'columns', 'check', 'confirm', 'report'];
}

/** The sheet's first rows as a table, enough to guess the mapping and the texts' languages. */
function sampleTable(sheet: SheetSummary): ImportTable {
  return {
    name: sheet.name,
    headers: sheet.headers,
    rows: sheet.sample.map((cells, index) => ({ rowNumber: index + 2, cells })),
  };
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

type LoadedFile = { name: string; summary: FileSummary };

/**
 * The import wizard: file → sheet → kind of record → columns → check → duplicates → report.
 * Untrusted bytes go from main straight to a Web Worker; the registry is read for lookups and
 * written once, in the last step, in one transaction. Cancel at any step (or leaving the screen)
 * stops the worker and leaves the registry as it was.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, bulkDb, mutationContext, isReadOnly, policy } = useRegistry();
  const canSaveRejected = allowedExportFormats(policy.settings).includes('csv');
  const workerRef = useRef<ImportWorkerClient | null>(null);

  const [step, setStep] = useState<StepId>('file');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [savedMappings, setSavedMappings] = useState<SavedMapping[]>([]);
  const [appliedMapping, setAppliedMapping] = useState<SavedMapping | null>(null);
  const [lookups, setLookups] = useState<RegistryLookups | null>(null);
  const [plans, setPlans] = useState<RowPlan[] | null>(null);
  const [isLeavingOut, setIsLeavingOut] = useState(false);
  const [decisions, setDecisions] = useState<Map<number, DuplicateDecision>>(new Map());
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<(Busy & { isCancellable: boolean }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => workerRef.current?.terminate(), []);

  const summary = file?.summary ?? null;
  const steps = stepsFor(summary);
  const sheet = summary?.sheets[sheetIndex] ?? null;
  const isSnapshot = summary?.format === 'json';

  const resetAll = useCallback(() => {
    workerRef.current?.terminate();
    workerRef.current = null;
    setStep('file');
    setFile(null);
    setSheetIndex(0);
    setKind(null);
    setMapping(null);
    setAppliedMapping(null);
    setLookups(null);
    setPlans(null);
    setIsLeavingOut(false);
    setDecisions(new Map());
    setReport(null);
    setBusy(null);
    setError(null);
  }, []);

  const progress = (done: number, total: number) =>
    setBusy((current) => (current ? { ...current, done, total } : current));

  const fileErrorText = (caught: unknown, fileName: string): string => {
    if (caught instanceof ImportWorkerError) {
      const { failure } = caught;
      return failure.kind === 'file'
        ? t(`importer.fileErrors.${failure.code}`, {
            version: '',
            limit: '',
            ...failure.params,
            fileName,
          })
        : t('importer.fileErrors.unexpected', { fileName, message: failure.message });
    }
    return describeError(caught, t);
  };

  const checkSnapshot = async (worker: ImportWorkerClient) => {
    const found = await loadRegistryLookups(db, SNAPSHOT_KINDS, format.language);
    setLookups(found);
    setBusy({ label: t('importer.checking'), done: 0, total: 0, isCancellable: true });
    setPlans(await worker.validateSnapshot(found, progress));
    setStep('check');
  };

  const chooseFile = async () => {
    setError(null);
    let opened;
    try {
      opened = await registryClient.file.open({
        title: t('importer.openTitle'),
        filters: [{ name: t('importer.filterName'), extensions: IMPORT_EXTENSIONS }],
        maxBytes: MAX_IMPORT_BYTES,
        purpose: 'import',
      });
    } catch (caught) {
      setError(describeError(caught, t));
      return;
    }
    if (!opened) return;
    resetAll();
    const worker = new ImportWorkerClient();
    workerRef.current = worker;
    setBusy({
      label: t('importer.reading', { fileName: opened.name }),
      done: 0,
      total: 0,
      isCancellable: true,
    });
    try {
      const read = await worker.read(opened.name, opened.bytes, progress);
      if (read.format !== 'json' && read.sheets.every((candidate) => candidate.rowCount === 0)) {
        throw new ImportWorkerError({ kind: 'file', code: 'noRows', params: {} });
      }
      setFile({ name: opened.name, summary: read });
      if (read.format === 'json') await checkSnapshot(worker);
      else {
        setSheetIndex(
          Math.max(
            0,
            read.sheets.findIndex((candidate) => candidate.rowCount > 0),
          ),
        );
        setStep(read.format === 'xlsx' && read.sheets.length > 1 ? 'sheet' : 'kind');
      }
    } catch (caught) {
      if (isAbort(caught)) return;
      worker.terminate();
      setFile(null);
      setError(fileErrorText(caught, opened.name));
    } finally {
      setBusy(null);
    }
  };

  const prepareColumns = async (chosen: ImportKind, chosenSheet: SheetSummary) => {
    const saved = (await listSavedMappings(db)).filter((entry) => entry.kind === chosen);
    setSavedMappings(saved);
    const best = saved
      .map((entry) => ({ entry, fit: savedMappingFit(entry, chosenSheet.headers) }))
      .sort((a, b) => b.fit - a.fit)[0];
    const isFullFit =
      best !== undefined &&
      best.fit > 0 &&
      best.fit === best.entry.columns.filter((column) => column.field !== null).length;
    if (best && isFullFit) {
      setAppliedMapping(best.entry);
      setMapping(applySavedMapping(best.entry, chosenSheet.headers));
    } else {
      setAppliedMapping(null);
      setMapping(guessMapping(chosen, sampleTable(chosenSheet)));
    }
    setStep('columns');
  };

  const checkRows = async () => {
    const worker = workerRef.current;
    if (!worker || !mapping) return;
    setBusy({ label: t('importer.checking'), done: 0, total: 0, isCancellable: true });
    try {
      const found = await loadRegistryLookups(db, [mapping.kind], format.language);
      setLookups(found);
      setPlans(await worker.validate(sheetIndex, mapping, found, progress));
      setIsLeavingOut(false);
      setDecisions(new Map());
      setStep('check');
    } catch (caught) {
      if (!isAbort(caught)) setError(fileErrorText(caught, file?.name ?? ''));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (!plans) return;
    setError(null);
    setBusy({ label: t('importer.importing'), done: 0, total: 0, isCancellable: false });
    try {
      const done = await commitImport(bulkDb, plans, decisions, mutationContext, progress);
      setReport(done);
      setStep('report');
      notify({
        severity: 'success',
        message: t('importer.imported', { count: done.created + done.updated }),
      });
    } catch (caught) {
      setError(
        caught instanceof ImportConflictError
          ? t('importer.conflict', { row: caught.rowNumber })
          : t('importer.failed', { message: describeError(caught, t) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const saveRejected = async () => {
    const worker = workerRef.current;
    if (!worker || !plans || !file) return;
    try {
      const headers = sheet?.headers ?? [];
      const delimiter =
        summary?.format === 'csv' ? summary.csv.delimiter : format.language === 'en' ? ',' : ';';
      const bytes = await worker.rejectedCsv({
        type: 'rejectedCsv',
        sheet: sheetIndex,
        reasons: plans
          .filter((plan) => plan.problems.length > 0)
          .map((plan) => [planKey(plan, isSnapshot), reasonText(plan, headers, t)]),
        rowHeader: t('importer.rowColumn'),
        reasonHeader: t('importer.reasonColumn'),
        delimiter,
      });
      const baseName = file.name.replace(/\.[^.]+$/, '');
      const saved = await registryClient.file.save({
        title: t('importer.saveRejectedTitle'),
        defaultName: `${t('importer.rejectedFileName', { name: baseName })}.csv`,
        format: 'csv',
        filterName: t('exports.filter.csv'),
        bytes,
      });
      if (saved)
        notify({ severity: 'success', message: t('importer.rejectedSaved', { name: saved.name }) });
    } catch (caught) {
      notify({ severity: 'error', message: describeError(caught, t) });
    }
  };

  const cancel = () => {
    const hadWork = file !== null || busy !== null;
    resetAll();
    if (hadWork) notify({ severity: 'info', message: t('importer.cancelled') });
  };

  const patchContext = useMemo<PatchContext>(() => {
    const names = new Map<string, string>();
    for (const entry of [...(lookups?.partners ?? []), ...(lookups?.people ?? [])]) {
      names.set(entry.id, entry.names[0] ?? entry.id);
    }
    return { t, format, nameOf: (id) => names.get(id) ?? id };
  }, [lookups, t, format]);

  const readyCount = plans?.filter((plan) => plan.content).length ?? 0;
  const problemCount = (plans?.length ?? 0) - readyCount;
  const canGoOn: Record<StepId, boolean> = {
    file: summary !== null,
    sheet: (sheet?.rowCount ?? 0) > 0,
    kind: kind !== null,
    columns: mapping !== null && mappingProblems(mapping).length === 0,
    check: readyCount > 0 && (problemCount === 0 || isLeavingOut),
    confirm: readyCount > 0,
    report: false,
  };

  const goNext = () => {
    setError(null);
    const next = steps[steps.indexOf(step) + 1];
    if (step === 'kind' && kind && sheet) void prepareColumns(kind, sheet);
    else if (step === 'columns') void checkRows();
    else if (step === 'confirm') void runImport();
    else if (next) setStep(next);
  };

  const goBack = () => {
    setError(null);
    const previous = steps[steps.indexOf(step) - 1];
    if (previous) setStep(previous);
  };

  if (isReadOnly) {
    return (
      <Box sx={{ maxWidth: 960 }}>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('importer.title')}
        </Typography>
        <Alert severity="info">{t('importer.readOnly')}</Alert>
      </Box>
    );
  }

  const fileLine = (() => {
    if (!file || !summary) return null;
    const fileName = file.name;
    if (summary.format === 'csv') {
      const { encoding, hasBom, delimiter } = summary.csv;
      // Plain encoding names read the same in every language; only the descriptive ones are words.
      const encodingName =
        encoding === 'windows-1251'
          ? t('importer.encodings.windows1251')
          : encoding === 'utf-8'
            ? hasBom
              ? t('importer.encodings.utf8Bom')
              : 'UTF-8'
            : encoding === 'utf-16le'
              ? 'UTF-16'
              : 'UTF-16BE';
      const delimiterKey = ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' } as const)[
        delimiter
      ];
      return t('importer.summaryCsv', {
        fileName,
        encoding: encodingName,
        delimiter: t(`importer.delimiters.${delimiterKey}`),
        count: summary.sheets[0].rowCount,
      });
    }
    if (summary.format === 'xlsx')
      return t('importer.summaryXlsx', { fileName, count: summary.sheets.length });
    const count = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    return t('importer.summaryJson', { fileName, title: summary.title, count });
  })();

  const listLink =
    kind && !isSnapshot
      ? { path: recordListPath(kind), section: t(`importer.kinds.${kind}`) }
      : null;

  return (
    <Box sx={{ maxWidth: 1100 }} lang={i18n.language}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('importer.title')}
      </Typography>
      <Stepper activeStep={steps.indexOf(step)} sx={{ mb: 3 }} aria-label={t('importer.title')}>
        {steps.map((id) => (
          <Step key={id} completed={steps.indexOf(id) < steps.indexOf(step)}>
            <StepLabel>{t(`importer.steps.${id}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>

      <Paper variant="outlined" sx={{ p: 3 }} data-testid={`import-step-${step}`}>
        {step === 'file' && (
          <Box>
            <Typography sx={{ mb: 1 }}>{t('importer.intro')}</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('importer.formats')}
            </Typography>
            <Button variant="contained" onClick={() => void chooseFile()} disabled={busy !== null}>
              {file ? t('importer.chooseOther') : t('importer.chooseFile')}
            </Button>
          </Box>
        )}
        {fileLine && step !== 'report' && (
          <Typography sx={{ mt: step === 'file' ? 2 : 0, mb: 2 }} data-testid="import-file-summary">
            {fileLine}
          </Typography>
        )}
        {summary?.format === 'csv' && summary.csv.isTruncated && step !== 'report' && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('importer.truncated')}
          </Alert>
        )}

        {step === 'sheet' && summary && (
          <ChoiceStep
            title={t('importer.sheetTitle')}
            value={String(sheetIndex)}
            onChange={(value) => setSheetIndex(Number(value))}
            options={summary.sheets.map((candidate, index) => ({
              value: String(index),
              label: `${candidate.name} — ${t('importer.sheetRows', { count: candidate.rowCount })}`,
            }))}
          />
        )}
        {step === 'kind' && (
          <ChoiceStep
            title={t('importer.kindTitle')}
            value={kind}
            onChange={setKind}
            options={IMPORT_KINDS.map((value) => ({ value, label: t(`importer.kinds.${value}`) }))}
          />
        )}
        {step === 'columns' && sheet && mapping && (
          <ColumnsStep
            sheet={sheet}
            mapping={mapping}
            onChange={setMapping}
            savedMappings={savedMappings}
            appliedMapping={appliedMapping}
            onApplySaved={(saved) => {
              setAppliedMapping(saved);
              if (saved) setMapping(applySavedMapping(saved, sheet.headers));
              else if (kind) setMapping(guessMapping(kind, sampleTable(sheet)));
            }}
            onSave={async (name) => {
              try {
                const saved = await saveMapping(db, name, sheet.headers, mapping, new Date());
                setSavedMappings(
                  (await listSavedMappings(db)).filter((entry) => entry.kind === mapping.kind),
                );
                setAppliedMapping(saved);
                notify({
                  severity: 'success',
                  message: t('importer.mappingSaved', { name: saved.name }),
                });
              } catch (caught) {
                notify({ severity: 'error', message: describeError(caught, t) });
              }
            }}
            onDelete={async (saved) => {
              await deleteSavedMapping(db, saved.id);
              setSavedMappings((current) => current.filter((entry) => entry.id !== saved.id));
              setAppliedMapping(null);
              notify({
                severity: 'info',
                message: t('importer.mappingDeleted', { name: saved.name }),
              });
            }}
          />
        )}
        {step === 'columns' && appliedMapping && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('importer.mappingApplied', { name: appliedMapping.name })}
          </Alert>
        )}
        {step === 'check' && plans && (
          <CheckStep
            plans={plans}
            headers={sheet?.headers ?? []}
            isSnapshot={isSnapshot}
            isLeavingOut={isLeavingOut}
            onLeavingOutChange={setIsLeavingOut}
            patchContext={patchContext}
          />
        )}
        {step === 'confirm' && plans && (
          <ConfirmStep
            plans={plans}
            isSnapshot={isSnapshot}
            decisions={decisions}
            onDecide={(indexes, decision) =>
              setDecisions((current) => {
                const next = new Map(current);
                for (const index of indexes) next.set(index, decision);
                return next;
              })
            }
          />
        )}
        {step === 'report' && report && (
          <ReportStep
            report={report}
            list={listLink}
            onSaveRejected={canSaveRejected ? () => void saveRejected() : null}
            onStartOver={resetAll}
          />
        )}

        {busy && <ImportProgress busy={busy} />}
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="import-error">
            {error}
          </Alert>
        )}
      </Paper>

      {step !== 'report' && (file !== null || busy !== null) && (
        <Stack direction="row" spacing={2} sx={{ mt: 2, justifyContent: 'space-between' }}>
          <Button onClick={cancel} disabled={busy !== null && !busy.isCancellable}>
            {t('importer.cancel')}
          </Button>
          <Stack direction="row" spacing={2}>
            {steps.indexOf(step) > 0 && (
              <Button onClick={goBack} disabled={busy !== null}>
                {t('importer.back')}
              </Button>
            )}
            <Button variant="contained" onClick={goNext} disabled={busy !== null || !canGoOn[step]}>
              {step === 'confirm' ? t('importer.importAction') : t('importer.next')}
            </Button>
          </Stack>
        </Stack>
      )}
    </Box>
  );
}
