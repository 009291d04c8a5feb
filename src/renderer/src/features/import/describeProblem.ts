import type { TFunction } from 'i18next';
import { columnLetter } from '@shared/import/cells';
import type { RowPlan, RowProblem } from '@shared/import/rowPlan';

/** A column as the user knows it: its header, or its spreadsheet letter when the header is blank. */
export function columnName(
  headers: readonly string[],
  column: number | null,
  t: TFunction,
): string {
  if (column === null) return t('importer.wholeRow');
  return headers[column] || t('importer.columnLetter', { letter: columnLetter(column) });
}

/** Which row a problem is in: the spreadsheet's row number, or a JSON record's kind and number. */
export function rowName(
  plan: Pick<RowPlan, 'kind' | 'rowNumber'>,
  isSnapshot: boolean,
  t: TFunction,
): string {
  return isSnapshot
    ? t('importer.recordNumber', { kind: t(`importer.kinds.${plan.kind}`), number: plan.rowNumber })
    : String(plan.rowNumber);
}

/** What is wrong, in the UI language, quoting the cell. */
export function problemText(problem: RowProblem, t: TFunction): string {
  const field = problem.field ? t(`importer.fields.${problem.field}`) : problem.value;
  return t(`importer.problems.${problem.code}`, {
    value: problem.value,
    field,
    detail: problem.field ? (problem.detail ?? '') : `${problem.value}: ${problem.detail ?? ''}`,
  });
}

/** All of a row's problems in one line, for the reason column of the rejected-rows file. */
export function reasonText(plan: RowPlan, headers: readonly string[], t: TFunction): string {
  return plan.problems
    .map((problem) =>
      problem.column === null
        ? problemText(problem, t)
        : `${columnName(headers, problem.column, t)}: ${problemText(problem, t)}`,
    )
    .join('; ');
}
