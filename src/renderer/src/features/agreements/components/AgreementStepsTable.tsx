import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { sortAgreementSteps } from '@shared/model/agreementStatus';
import type { AgreementStep } from '@shared/model/records';
import { useFormat } from '../../../ui/useFormat';

type AgreementStepsTableProps = { steps: readonly AgreementStep[] };

/** An agreement's life cycle in the order it happened: step, date as precise as known, place, act. */
export function AgreementStepsTable({ steps }: AgreementStepsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (steps.length === 0) return <Typography variant="body2">{t('agreement.noSteps')}</Typography>;
  return (
    <Table size="small" aria-label={t('agreement.steps')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('agreement.step')}</TableCell>
          <TableCell>{t('agreement.date')}</TableCell>
          <TableCell>{t('agreement.place')}</TableCell>
          <TableCell>{t('agreement.instrument')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sortAgreementSteps(steps).map((step) => (
          <TableRow key={step.id} data-testid="agreement-step">
            <TableCell>{t(`enums.stepKind.${step.kind}`)}</TableCell>
            <TableCell>{format.date(step.date)}</TableCell>
            <TableCell>{format.text(step.place)}</TableCell>
            <TableCell>{format.text(step.instrument)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
