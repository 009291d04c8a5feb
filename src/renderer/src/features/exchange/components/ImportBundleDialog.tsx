import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedBundle } from '@shared/exchange/bundle';
import { BundleError } from '@shared/exchange/bundleFormat';
import type { RecordKind } from '@shared/model/records';
import { allowsUnencryptedBundles } from '@shared/model/policy';
import { useRegistry } from '../../../app/RegistryContext';
import { registryClient } from '../../../ipc/registryClient';
import { describeError } from '../../../ui/describeError';
import { useNotify } from '../../../ui/Notifications';
import { describeBundleProblem, isRegistryEmpty } from '../exchangeFlows';
import {
  applyIncoming,
  logFailedExchange,
  previewIncoming,
  refuseKindClashes,
  registryIdOf,
  StalePreviewError,
  type Decisions,
  type MergePreview,
} from '../exchangeRegistry';
import { openBundleInWorker } from '../exchangeWorkerClient';
import { ConflictCard, isDecided, toDecision, type DraftDecision } from './ConflictCard';

/** A bundle file as main read it. */
export type BundleFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

export type ImportBundleDialogProps = { file: BundleFile; onClose: () => void };

type Step =
  | { step: 'opening' }
  | { step: 'passphrase'; error: string | null }
  | { step: 'refused'; message: string }
  | {
      step: 'preview';
      bundle: OpenedBundle;
      preview: MergePreview;
      joinsRegistry: boolean;
      error: string | null;
      isApplying: boolean;
    };

const PREVIEW_COLUMNS = ['new', 'changed', 'deleted', 'conflicts', 'unchanged'] as const;
const COLUMN_LABELS = {
  new: 'exchange.countNew',
  changed: 'exchange.countChanged',
  deleted: 'exchange.countDeleted',
  conflicts: 'exchange.countConflicts',
  unchanged: 'exchange.countUnchanged',
} as const;

/**
 * Import a bundle: passphrase, the checks in the worker, the preview per kind, the conflicts side
 * by side, then Apply in one transaction. Nothing is written before Apply. An unencrypted bundle
 * opens only where the machine policy allows them, and its preview says that nothing vouches for
 * it but its own claim of where it comes from.
 */
export function ImportBundleDialog({ file, onClose }: ImportBundleDialogProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const { db, bulkDb, mutationContext, policy } = useRegistry();
  const [state, setState] = useState<Step>({ step: 'opening' });
  const [passphrase, setPassphrase] = useState('');
  const [drafts, setDrafts] = useState<Record<string, DraftDecision>>({});
  const [hasStarted, setHasStarted] = useState(false);

  /** A refusal goes into the exchange log, so the log tells the whole story. */
  const logRefusal = (error: BundleError) =>
    logFailedExchange(
      db,
      { direction: 'import', fileName: file.name, problem: error.problem, result: 'refused' },
      new Date().toISOString(),
    );

  const refuse = async (error: BundleError) => {
    setState({ step: 'refused', message: describeBundleProblem(error, t) });
    await logRefusal(error);
  };

  const open = async (withPassphrase: string | null) => {
    setState({ step: 'opening' });
    try {
      const joinsRegistry = await isRegistryEmpty(db);
      const bundle = await openBundleInWorker(file.bytes, {
        passphrase: withPassphrase,
        registryId: joinsRegistry ? null : await registryIdOf(db),
        schemaVersion: db.verno,
        canReadUnencrypted: allowsUnencryptedBundles(policy.settings),
      });
      const preview = await previewIncoming(db, bundle.records);
      setDrafts({});
      setState({
        step: 'preview',
        bundle,
        preview,
        joinsRegistry: joinsRegistry && bundle.header.registryId !== (await registryIdOf(db)),
        error: null,
        isApplying: false,
      });
    } catch (caught) {
      if (caught instanceof BundleError) {
        if (caught.problem === 'passphrase-required') {
          setState({ step: 'passphrase', error: null });
          return;
        }
        if (caught.problem === 'wrong-passphrase') {
          setState({ step: 'passphrase', error: describeBundleProblem(caught, t) });
          await logRefusal(caught);
        } else {
          await refuse(caught);
        }
        return;
      }
      setState({ step: 'refused', message: describeError(caught, t) });
    }
  };

  if (!hasStarted) {
    setHasStarted(true);
    void open(null);
  }

  const submitPassphrase = (event: SyntheticEvent) => {
    event.preventDefault();
    if (passphrase !== '') void open(passphrase);
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, isApplying: true, error: null });
    try {
      const decisions: Decisions = new Map(
        state.preview.conflicts.map((item) => {
          const draft = drafts[item.id];
          if (!draft) throw new Error(`Undecided conflict ${item.id}`);
          return [item.id, toDecision(item, draft)];
        }),
      );
      // Refused before any file is stored; applyIncoming checks again in its transaction.
      await refuseKindClashes(db, state.bundle.records);
      // Files first: a document record never arrives before its file. Storing is idempotent.
      for (const attachment of state.bundle.attachments) {
        await registryClient.attachment.store(attachment);
      }
      const report = await applyIncoming(
        bulkDb,
        {
          manifest: state.bundle.manifest,
          records: state.bundle.records,
          fileName: file.name,
          joinsRegistry: state.joinsRegistry,
        },
        decisions,
        mutationContext,
      );
      notify({
        severity: 'success',
        message:
          report.result === 'nothing-new'
            ? t('exchange.appliedNothing')
            : t('exchange.applied', report),
      });
      onClose();
    } catch (caught) {
      if (caught instanceof BundleError) {
        await refuse(caught);
        return;
      }
      const message =
        caught instanceof StalePreviewError
          ? t('exchange.stale')
          : caught instanceof SyntaxError
            ? t('exchange.editInvalid')
            : describeError(caught, t);
      setState({ ...state, isApplying: false, error: message });
    }
  };

  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  let content;
  let actions;
  if (state.step === 'opening') {
    content = (
      <>
        <Typography>{t('exchange.opening')}</Typography>
        <LinearProgress sx={{ mt: 2 }} />
      </>
    );
    actions = <Button onClick={onClose}>{t('exchange.cancel')}</Button>;
  } else if (state.step === 'passphrase') {
    content = (
      <form id="exchange-passphrase" onSubmit={submitPassphrase} noValidate>
        <Stack spacing={2}>
          <Typography>{t('exchange.passphrasePrompt')}</Typography>
          <TextField
            type="password"
            label={t('exchange.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            autoFocus
            autoComplete="off"
          />
          {state.error && <Alert severity="error">{state.error}</Alert>}
        </Stack>
      </form>
    );
    actions = (
      <>
        <Button onClick={onClose}>{t('exchange.cancel')}</Button>
        <Button
          type="submit"
          form="exchange-passphrase"
          variant="contained"
          disabled={passphrase === ''}
        >
          {t('exchange.open')}
        </Button>
      </>
    );
  } else if (state.step === 'refused') {
    content = <Alert severity="error">{state.message}</Alert>;
    actions = <Button onClick={onClose}>{t('exchange.close')}</Button>;
  } else {
    const { preview, bundle } = state;
    const decided = preview.conflicts.filter((item) => isDecided(item, drafts[item.id])).length;
    const canApply = decided === preview.conflicts.length && !state.isApplying;
    const kinds = Object.keys(preview.counts) as RecordKind[];
    const hasChanges =
      preview.total.new + preview.total.changed + preview.total.deleted + preview.total.conflicts >
      0;
    content = (
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t('exchange.from', {
            name: bundle.manifest.source.deviceName,
            date: dateTime(bundle.manifest.createdAt),
          })}
        </Typography>
        {bundle.header.encryption === null && (
          <Alert severity="warning">
            {t('exchange.unencryptedWarning', {
              name: bundle.manifest.source.deviceName,
              id: bundle.manifest.source.deviceId,
            })}
          </Alert>
        )}
        {state.joinsRegistry && <Alert severity="info">{t('exchange.joinRegistry')}</Alert>}
        <Typography variant="subtitle1" component="h3">
          {t('exchange.preview')}
        </Typography>
        <Table size="small" aria-label={t('exchange.preview')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('exchange.kind')}</TableCell>
              {PREVIEW_COLUMNS.map((column) => (
                <TableCell key={column} align="right">
                  {t(COLUMN_LABELS[column])}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {kinds.map((kind) => (
              <TableRow key={kind}>
                <TableCell component="th" scope="row">
                  {t(`nav.${kind}` as 'nav.events', { defaultValue: kind })}
                </TableCell>
                {PREVIEW_COLUMNS.map((column) => (
                  <TableCell key={column} align="right">
                    {preview.counts[kind]?.[column] ?? 0}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!hasChanges && <Alert severity="info">{t('exchange.nothingNew')}</Alert>}
        {preview.conflicts.length > 0 && (
          <>
            <Typography variant="subtitle1" component="h3">
              {t('exchange.conflictsTitle', { done: decided, count: preview.conflicts.length })}
            </Typography>
            <Typography variant="body2">{t('exchange.conflictsHelp')}</Typography>
            {preview.conflicts.map((item) => (
              <ConflictCard
                key={item.id}
                item={item}
                draft={drafts[item.id] ?? { fields: {}, isDeferred: false }}
                onChange={(draft) => setDrafts((current) => ({ ...current, [item.id]: draft }))}
              />
            ))}
          </>
        )}
        {!canApply && !state.isApplying && (
          <Typography variant="body2" color="text.secondary">
            {t('exchange.undecided')}
          </Typography>
        )}
        {state.isApplying && <LinearProgress aria-label={t('exchange.applying')} />}
        {state.error && <Alert severity="error">{state.error}</Alert>}
      </Stack>
    );
    actions = (
      <>
        <Button onClick={onClose} disabled={state.isApplying}>
          {t('exchange.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void apply()} disabled={!canApply}>
          {t('exchange.apply')}
        </Button>
      </>
    );
  }

  return (
    <Dialog
      open
      onClose={state.step === 'preview' && state.isApplying ? undefined : onClose}
      fullWidth
      maxWidth="lg"
    >
      <DialogTitle>
        {t('exchange.importTitle')}: {file.name}
      </DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>{actions}</DialogActions>
    </Dialog>
  );
}
