import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { recordListPath } from '../../app/recordPaths';
import { RecordNotFound } from '../RecordNotFound';
import { useInitialRecord } from './useInitialRecord';

/** The kinds that have a create/edit form (each has its own section in the navigation). */
type FormKind = Extract<
  RecordKind,
  'partners' | 'agreements' | 'projects' | 'events' | 'people' | 'followUps' | 'documents' | 'areas'
>;

type RecordFormRouteProps<K extends FormKind> = {
  kind: K;
  /** The route parameter holding the record's id; absent on the "new" route. */
  param: string;
  /** The form itself, given the record as it was when opened (null for a new one). */
  render: (initial: StoredRecord<K> | null) => ReactNode;
};

/**
 * The route around every record form: loads the record once, waits for it, and shows Not found
 * (with a way back to its section) for an id that does not exist or is in Trash.
 */
export function RecordFormRoute<K extends FormKind>({
  kind,
  param,
  render,
}: RecordFormRouteProps<K>) {
  const id = useParams()[param];
  const { t } = useTranslation();
  const initial = useInitialRecord(kind, id);
  if (initial === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (id && initial === null) {
    return <RecordNotFound section={{ label: t(`nav.${kind}`), path: recordListPath(kind) }} />;
  }
  return render(initial);
}
