import {
  Alert,
  Button,
  FormControlLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FieldDecision, RecordDecision } from '@shared/exchange/mergeRecord';
import type { RecordKind, StoredRecord } from '@shared/model/records';
import { useFormat } from '../../../ui/useFormat';
import { describeValue } from '../../history/describeValue';
import { recordLabel } from '../../records/recordLabel';
import type { ConflictItem } from '../exchangeRegistry';

/** A decision being made: per field the choice, and for "edit" the text typed so far. */
export type DraftDecision = {
  fields: Record<string, { choice: FieldDecision['choice']; text: string }>;
  deletion?: 'keep' | 'delete';
  isDeferred: boolean;
};

export type ConflictCardProps = {
  item: ConflictItem;
  draft: DraftDecision;
  onChange: (draft: DraftDecision) => void;
};

const NO_LABELS = new Map<string, string>();

/** Whether a draft decides everything its conflict asks (or defers it). */
export function isDecided(item: ConflictItem, draft: DraftDecision | undefined): boolean {
  if (!draft) return false;
  if (draft.isDeferred) return true;
  if (item.deletion && !draft.deletion) return false;
  return item.conflicts.every((conflict) => draft.fields[conflict.field] !== undefined);
}

/** The text an "edit" starts from: the value here, as the user would type it. */
export function editText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The decision a draft stands for; throws on an edited value that is not valid JSON. */
export function toDecision(item: ConflictItem, draft: DraftDecision): RecordDecision | 'defer' {
  if (draft.isDeferred) return 'defer';
  const fields: Record<string, FieldDecision> = {};
  for (const conflict of item.conflicts) {
    const field = draft.fields[conflict.field];
    if (!field) continue;
    if (field.choice !== 'edit') {
      fields[conflict.field] = { choice: field.choice };
      continue;
    }
    const sample = conflict.mine ?? conflict.theirs;
    const text = field.text.trim();
    const value: unknown =
      text === '' ? null : typeof sample === 'string' || sample === null ? text : JSON.parse(text);
    fields[conflict.field] = { choice: 'edit', value };
  }
  return { fields, ...(draft.deletion ? { deletion: draft.deletion } : {}) };
}

/** One conflicting record: here and in the bundle side by side, and the user's choice per field. */
export function ConflictCard({ item, draft, onChange }: ConflictCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = recordLabel(item.mine as unknown as StoredRecord<RecordKind>);
  const title = typeof label === 'string' ? label : format.text(label);
  const describe = (value: unknown) => describeValue(value, { format, t, labels: NO_LABELS });
  const kindLabel = t(`nav.${item.kind}` as 'nav.events', { defaultValue: item.kind });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1" component="h4">
          {kindLabel}: {title}
        </Typography>
        <Button
          variant={draft.isDeferred ? 'contained' : 'outlined'}
          onClick={() => onChange({ ...draft, isDeferred: !draft.isDeferred })}
        >
          {draft.isDeferred ? t('exchange.undefer') : t('exchange.defer')}
        </Button>
      </Stack>
      {draft.isDeferred ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('exchange.deferred')}
        </Typography>
      ) : (
        <>
          {item.deletion && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {item.deletion === 'deleted-here'
                ? t('exchange.deletedHere')
                : t('exchange.deletedThere')}
              <RadioGroup
                row
                aria-label={title}
                value={draft.deletion ?? ''}
                onChange={(event) =>
                  onChange({ ...draft, deletion: event.target.value as 'keep' | 'delete' })
                }
              >
                <FormControlLabel
                  value="keep"
                  control={<Radio />}
                  label={t('exchange.keepRecord')}
                />
                <FormControlLabel
                  value="delete"
                  control={<Radio />}
                  label={t('exchange.deleteRecord')}
                />
              </RadioGroup>
            </Alert>
          )}
          {item.conflicts.length > 0 && (
            <Table size="small" sx={{ mt: 1 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('exchange.field')}</TableCell>
                  <TableCell>{t('exchange.mine')}</TableCell>
                  <TableCell>{t('exchange.theirs')}</TableCell>
                  <TableCell>{t('exchange.choice')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {item.conflicts.map((conflict) => {
                  const fieldLabel = t(`fields.${conflict.field}` as 'fields.title', {
                    defaultValue: conflict.field,
                  });
                  const current = draft.fields[conflict.field];
                  const setField = (next: DraftDecision['fields'][string]) =>
                    onChange({ ...draft, fields: { ...draft.fields, [conflict.field]: next } });
                  return (
                    <TableRow key={conflict.field}>
                      <TableCell component="th" scope="row">
                        {fieldLabel}
                      </TableCell>
                      <TableCell>{describe(conflict.mine)}</TableCell>
                      <TableCell>{describe(conflict.theirs)}</TableCell>
                      <TableCell>
                        <RadioGroup
                          row
                          aria-label={fieldLabel}
                          value={current?.choice ?? ''}
                          onChange={(event) =>
                            setField({
                              choice: event.target.value as FieldDecision['choice'],
                              text: current?.text ?? editText(conflict.mine),
                            })
                          }
                        >
                          <FormControlLabel
                            value="mine"
                            control={<Radio />}
                            label={t('exchange.chooseMine')}
                          />
                          <FormControlLabel
                            value="theirs"
                            control={<Radio />}
                            label={t('exchange.chooseTheirs')}
                          />
                          <FormControlLabel
                            value="edit"
                            control={<Radio />}
                            label={t('exchange.chooseEdit')}
                          />
                        </RadioGroup>
                        {current?.choice === 'edit' && (
                          <TextField
                            size="small"
                            fullWidth
                            label={t('exchange.editValue', { field: fieldLabel })}
                            value={current.text}
                            onChange={(event) =>
                              setField({ choice: 'edit', text: event.target.value })
                            }
                          />
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Paper>
  );
}
