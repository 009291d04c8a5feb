import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { deriveAgreementStatus } from '@shared/model/agreementStatus';
import type { Agreement } from '@shared/model/records';
import { todayIso } from '../../../ui/todayIso';

/** The agreement's status today, derived from its steps and expiry date. */
export function AgreementStatusChip({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const status = deriveAgreementStatus(agreement, todayIso());
  return (
    <Chip
      size="small"
      color={
        status === 'in-force'
          ? 'success'
          : status === 'expired' || status === 'terminated'
            ? 'default'
            : 'info'
      }
      label={t(`enums.agreementStatus.${status}`)}
      data-testid="agreement-status"
    />
  );
}
