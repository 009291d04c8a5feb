import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowPlan, RowProblem } from '@shared/import/rowPlan';
import { columnName, problemText, rowName } from '../describeProblem';
import { describePatch, type PatchContext } from '../describePatch';
import { VirtualTable } from './VirtualTable';

const PREVIEW_ROWS = 10;

type CheckStepProps = {
  plans: readonly RowPlan[];
  headers: readonly string[];
  isSnapshot: boolean;
  isLeavingOut: boolean;
  onLeavingOutChange: (isLeavingOut: boolean) => void;
  patchContext: PatchContext;
};

/**
 * The check: how many rows are ready, every problem of every other row (row, column, what is
 * wrong), and the first ready rows as they will be written. With problems, nothing goes further
 * until the user agrees to leave those rows out (or goes back and fixes the mapping).
 */
export function CheckStep({
  plans,
  headers,
  isSnapshot,
  isLeavingOut,
  onLeavingOutChange,
  patchContext,
}: CheckStepProps) {
  const { t } = useTranslation();
  const problems = useMemo(
    () => plans.flatMap((plan) => plan.problems.map((problem) => ({ plan, problem }))),
    [plans],
  );
  const withProblems = plans.filter((plan) => plan.problems.length > 0).length;
  const ready = plans.length - withProblems;
  const preview = useMemo(
    () => plans.filter((plan) => plan.content).slice(0, PREVIEW_ROWS),
    [plans],
  );

  const location = (problem: RowProblem) =>
    isSnapshot ? problem.value || t('importer.wholeRow') : columnName(headers, problem.column, t);

  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('importer.checkTitle')}
      </Typography>
      <Typography data-testid="ready-count">{t('importer.ready', { count: ready })}</Typography>
      {withProblems === 0 ? (
        <Typography color="text.secondary">{t('importer.noProblems')}</Typography>
      ) : (
        <>
          <Alert severity="warning" sx={{ my: 2 }} data-testid="problem-count">
            {t('importer.withProblems', { count: withProblems })}
          </Alert>
          <VirtualTable
            label={t('importer.problemsLabel')}
            testId="import-problems"
            headers={[t('importer.row'), t('importer.column'), t('importer.problem')]}
            widths={isSnapshot ? ['25%', '20%', '55%'] : ['10%', '25%', '65%']}
            rowCount={problems.length}
            rowKey={(index) => index}
            cells={(index) => {
              const entry = problems[index];
              if (!entry) return [];
              return [
                rowName(entry.plan, isSnapshot, t),
                location(entry.problem),
                problemText(entry.problem, t),
              ];
            }}
          />
          {ready > 0 ? (
            <FormControlLabel
              sx={{ mt: 2 }}
              control={
                <Checkbox
                  checked={isLeavingOut}
                  onChange={(event) => onLeavingOutChange(event.target.checked)}
                />
              }
              label={t('importer.leaveOut', { count: withProblems })}
            />
          ) : (
            <Alert severity="error" sx={{ mt: 2 }}>
              {t('importer.nothingToImport')}
            </Alert>
          )}
        </>
      )}

      {preview.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 3, mb: 1 }}>
            {t('importer.previewTitle')}
          </Typography>
          <Table size="small" aria-label={t('importer.previewTitle')} data-testid="import-preview">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: isSnapshot ? '20%' : '10%' }}>
                  {t('importer.row')}
                </TableCell>
                <TableCell>{t('importer.values')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.map((plan) => (
                <TableRow key={`${plan.kind}-${plan.rowNumber}`} sx={{ verticalAlign: 'top' }}>
                  <TableCell>{rowName(plan, isSnapshot, t)}</TableCell>
                  <TableCell>
                    <Box
                      component="dl"
                      sx={{
                        m: 0,
                        display: 'grid',
                        gridTemplateColumns: 'max-content 1fr',
                        columnGap: 2,
                      }}
                    >
                      {describePatch(plan.kind, plan.patch ?? {}, patchContext).map(
                        ([label, text]) => (
                          <Box key={label} sx={{ display: 'contents' }}>
                            <Box component="dt" sx={{ color: 'text.secondary' }}>
                              {label}
                            </Box>
                            <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                              {text}
                            </Box>
                          </Box>
                        ),
                      )}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
