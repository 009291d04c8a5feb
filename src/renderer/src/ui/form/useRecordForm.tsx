import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useMemo, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import type { RecordContentInput, RecordKind, StoredRecord } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { recordListPath, recordPath } from '../../app/recordPaths';
import { checkContent, createRecord, MutationError, updateRecord } from '../../db/changeTracking';
import { recordLabel } from '../../features/records/recordLabel';
import { describeError } from '../describeError';
import { useNotify } from '../Notifications';
import { useFormat } from '../useFormat';
import { fieldErrors } from './fieldErrors';

type UseRecordFormOptions<K extends RecordKind, D> = {
  kind: K;
  /** The record being edited, or null for a new one. */
  initial: StoredRecord<K> | null;
  toDraft: (record: StoredRecord<K> | null) => D;
  /** The fields the form owns; fields it does not show are kept as they are on save. */
  toContent: (draft: D) => Partial<RecordContentInput<K>>;
  /** Where to go after saving and on Cancel; by default the record's page, else its list. */
  returnPath?: string;
  /**
   * Rules the model cannot see (an end before its start), as translated messages by field.
   * Checked with the model's own rules before anything is written, so all show at once.
   */
  validate?: (draft: D) => Record<string, string>;
};

export type RecordForm<D> = {
  draft: D;
  change: <F extends keyof D>(field: F, value: D[F]) => void;
  /** Translated problems by top-level field, from the model's validation of the last save. */
  errors: Record<string, string>;
  formError: string | null;
  isSaving: boolean;
  submit: (event: SyntheticEvent) => Promise<void>;
  /** Where Cancel leads: the record, or its list for a new one. */
  cancelPath: string;
  /** The unsaved-changes dialog; render it inside the form. */
  guard: ReactNode;
};

/**
 * What every record form needs: a draft, validation by the model itself (the mutation refuses bad
 * content and names each field, so rules live in one place), save through change tracking with a
 * stale-write check, and a guard that asks before unsaved changes are left behind.
 */
export function useRecordForm<K extends RecordKind, D>({
  kind,
  initial,
  toDraft,
  toContent,
  returnPath,
  validate,
}: UseRecordFormOptions<K, D>): RecordForm<D> {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const navigate = useNavigate();
  const { db, mutationContext } = useRegistry();
  const [draft, setDraft] = useState<D>(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isSavedRef = useRef(false);
  const initialDraft = useMemo(() => JSON.stringify(toDraft(initial)), [initial, toDraft]);
  const isDirty = JSON.stringify(draft) !== initialDraft;
  const listPath = recordListPath(kind);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !isSavedRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  const change = <F extends keyof D>(field: F, value: D[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => key !== field)),
    );
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setFormError(null);
    try {
      const content = toContent(draft);
      const modelProblem = checkContent(kind, { ...initial, ...content });
      const problems = {
        ...(modelProblem ? fieldErrors(modelProblem, t) : {}),
        ...validate?.(draft),
      };
      if (Object.keys(problems).length > 0) {
        setErrors(problems);
        setFormError(t('form.errors.summary'));
        return;
      }
      const saved = initial
        ? await updateRecord(db, kind, initial.id, content, mutationContext, {
            expectedRev: initial.rev,
          })
        : await createRecord(db, kind, content as RecordContentInput<K>, mutationContext);
      isSavedRef.current = true;
      const label = recordLabel(saved);
      notify({
        severity: 'success',
        message: t('form.saved', { name: typeof label === 'string' ? label : format.text(label) }),
      });
      await navigate(returnPath ?? recordPath(kind, saved.id) ?? listPath);
    } catch (error) {
      if (error instanceof MutationError && error.reason === 'invalid-content') {
        setErrors(fieldErrors(error, t));
        setFormError(t('form.errors.summary'));
      } else if (error instanceof MutationError && error.reason === 'stale') {
        setFormError(t('form.errors.stale'));
      } else {
        // The draft stays as it is: a full disk must not cost the user what they typed.
        setFormError(t('trash.failed', { message: describeError(error, t) }));
      }
    } finally {
      setIsSaving(false);
    }
  };

  const guard = (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()}>
      <DialogTitle>{t('form.unsavedTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('form.unsavedBody')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} autoFocus>
          {t('form.keepEditing')}
        </Button>
        <Button color="error" onClick={() => blocker.proceed?.()}>
          {t('form.discard')}
        </Button>
      </DialogActions>
    </Dialog>
  );

  return {
    draft,
    change,
    errors,
    formError,
    isSaving,
    submit,
    cancelPath: returnPath ?? (initial ? (recordPath(kind, initial.id) ?? listPath) : listPath),
    guard,
  };
}
