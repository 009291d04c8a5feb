import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cellText, columnLetter } from '@shared/import/cells';
import {
  mappingProblems,
  type ColumnMapping,
  type ImportMapping,
} from '@shared/import/guessMapping';
import { IMPORT_FIELDS, type ImportFieldId } from '@shared/import/importFields';
import { enumCodes } from '@shared/import/parseValues';
import { LANGUAGES, type Language } from '@shared/model/localizedText';
import type { SheetSummary } from '../importProtocol';
import type { SavedMapping } from '../savedMappings';

type ColumnsStepProps = {
  sheet: SheetSummary;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  savedMappings: readonly SavedMapping[];
  appliedMapping: SavedMapping | null;
  onApplySaved: (saved: SavedMapping | null) => void;
  onSave: (name: string) => Promise<void>;
  onDelete: (saved: SavedMapping) => Promise<void>;
};

const NONE = '';

/**
 * The column mapping: each column of the file beside its first values, with the field it fills
 * and, for texts, the language it is written in. Required choices a file lacks can be given one
 * value for all rows. Mappings can be saved by name and chosen again for the next file.
 */
export function ColumnsStep({
  sheet,
  mapping,
  onChange,
  savedMappings,
  appliedMapping,
  onApplySaved,
  onSave,
  onDelete,
}: ColumnsStepProps) {
  const { t } = useTranslation();
  const [saveName, setSaveName] = useState<string | null>(null);
  const fields = IMPORT_FIELDS[mapping.kind];
  const fieldLabel = (id: ImportFieldId) => t(`importer.fields.${id}`);
  const columnTitle = (index: number) =>
    sheet.headers[index] || t('importer.columnLetter', { letter: columnLetter(index) });

  const setColumn = (index: number, change: Partial<ColumnMapping>) => {
    const unmapped: ColumnMapping = { field: null, language: 'en' };
    const columns = sheet.headers.map((_, i) => mapping.columns[i] ?? unmapped);
    columns[index] = { ...(columns[index] ?? unmapped), ...change };
    onChange({ ...mapping, columns });
  };

  const setDefault = (field: ImportFieldId, value: string) => {
    const defaults = Object.fromEntries(
      Object.entries(mapping.defaults).filter(([key]) => key !== field),
    );
    onChange({ ...mapping, defaults: value === NONE ? defaults : { ...defaults, [field]: value } });
  };

  const problems = mappingProblems(mapping);
  const defaultable = fields.filter(
    (field) => field.isRequired && field.type === 'enum' && field.enumName,
  );

  const submitSave = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!saveName?.trim()) return;
    await onSave(saveName.trim());
    setSaveName(null);
  };

  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('importer.columnsTitle')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('importer.columnsHelp')}
      </Typography>

      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('importer.savedMappings')}
          value={appliedMapping?.id ?? NONE}
          onChange={(event) =>
            onApplySaved(savedMappings.find((saved) => saved.id === event.target.value) ?? null)
          }
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 280 }}
        >
          <option value={NONE}>{t('importer.noSavedMapping')}</option>
          {savedMappings.map((saved) => (
            <option key={saved.id} value={saved.id}>
              {saved.name}
            </option>
          ))}
        </TextField>
        {appliedMapping && (
          <Tooltip title={t('importer.deleteMapping')}>
            <IconButton
              aria-label={t('importer.deleteMapping')}
              onClick={() => void onDelete(appliedMapping)}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </Tooltip>
        )}
        <Button variant="outlined" onClick={() => setSaveName(appliedMapping?.name ?? '')}>
          {t('importer.saveMapping')}
        </Button>
      </Stack>

      <Table size="small" aria-label={t('importer.columnsTitle')} data-testid="column-mapping">
        <TableHead>
          <TableRow>
            <TableCell>{t('importer.header')}</TableCell>
            <TableCell>{t('importer.sampleValues')}</TableCell>
            <TableCell>{t('importer.field')}</TableCell>
            <TableCell>{t('importer.language')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.headers.map((header, index) => {
            const column = mapping.columns[index] ?? { field: null, language: 'en' };
            const field = fields.find((candidate) => candidate.id === column.field);
            const samples = sheet.sample
              .map((row) => cellText(row[index]))
              .filter(Boolean)
              .slice(0, 3);
            return (
              <TableRow key={index} data-testid="mapping-row">
                <TableCell>
                  <Typography sx={{ fontWeight: 600 }}>{columnTitle(index)}</Typography>
                  {header && (
                    <Typography variant="body2" color="text.secondary">
                      {t('importer.columnLetter', { letter: columnLetter(index) })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell
                  sx={{ maxWidth: 260, color: 'text.secondary', overflowWrap: 'anywhere' }}
                >
                  {samples.join(' · ')}
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    value={column.field ?? NONE}
                    onChange={(event) =>
                      setColumn(index, {
                        field:
                          event.target.value === NONE
                            ? null
                            : (event.target.value as ImportFieldId),
                      })
                    }
                    slotProps={{
                      select: { native: true },
                      htmlInput: {
                        'aria-label': t('importer.fieldFor', { column: columnTitle(index) }),
                      },
                    }}
                    sx={{ minWidth: 220 }}
                  >
                    <option value={NONE}>{t('importer.notImported')}</option>
                    {fields.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {candidate.isRequired
                          ? `${fieldLabel(candidate.id)} (${t('importer.required')})`
                          : fieldLabel(candidate.id)}
                      </option>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  {field?.type === 'localized' && (
                    <TextField
                      select
                      size="small"
                      value={column.language}
                      onChange={(event) =>
                        setColumn(index, { language: event.target.value as Language })
                      }
                      slotProps={{
                        select: { native: true },
                        htmlInput: {
                          'aria-label': t('importer.languageFor', { column: columnTitle(index) }),
                        },
                      }}
                    >
                      {LANGUAGES.map((language) => (
                        <option key={language} value={language}>
                          {t(`language.${language}`)}
                        </option>
                      ))}
                    </TextField>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      {defaultable.map((field) => (
        <TextField
          key={field.id}
          select
          size="small"
          label={t('importer.defaultFor', { field: fieldLabel(field.id) })}
          value={mapping.defaults[field.id] ?? NONE}
          onChange={(event) => setDefault(field.id, event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ mt: 3, minWidth: 360 }}
        >
          <option value={NONE}>{t('importer.noDefault')}</option>
          {enumCodes(field.enumName ?? 'sensitivity').map((code) => (
            <option key={code} value={code}>
              {t(`enums.${field.enumName ?? 'sensitivity'}.${code}` as never)}
            </option>
          ))}
        </TextField>
      ))}

      {problems.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="mapping-problems">
          {problems.map((problem) => (
            <div
              key={`${problem.code}-${problem.field}-${problem.code === 'mappedTwice' ? problem.language : ''}`}
            >
              {problem.code === 'requiredUnmapped'
                ? t('importer.mappingProblems.requiredUnmapped', {
                    field: fieldLabel(problem.field),
                  })
                : problem.language
                  ? t('importer.mappingProblems.mappedTwiceLanguage', {
                      field: fieldLabel(problem.field),
                      language: t(`language.${problem.language}`),
                    })
                  : t('importer.mappingProblems.mappedTwice', { field: fieldLabel(problem.field) })}
            </div>
          ))}
        </Alert>
      )}

      <Dialog open={saveName !== null} onClose={() => setSaveName(null)}>
        <Box component="form" onSubmit={(event) => void submitSave(event)}>
          <DialogTitle>{t('importer.saveMappingTitle')}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{t('importer.saveMappingHint')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              label={t('importer.mappingName')}
              value={saveName ?? ''}
              onChange={(event) => setSaveName(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 80 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setSaveName(null)}>{t('importer.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={!saveName?.trim()}>
              {t('importer.save')}
            </Button>
          </DialogActions>
        </Box>
      </Dialog>
    </Box>
  );
}
