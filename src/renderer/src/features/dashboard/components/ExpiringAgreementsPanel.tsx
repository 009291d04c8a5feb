import { List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../../ui/useFormat';
import type { ExpiringAgreement } from '../queries';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

type ExpiringAgreementsPanelProps = {
  months: number;
  agreements: readonly ExpiringAgreement[] | undefined;
};

/**
 * Agreements that expire, or whose renewal must be notified, in the next six months, soonest
 * first, so a renewal is prepared before the date passes.
 */
export function ExpiringAgreementsPanel({ months, agreements }: ExpiringAgreementsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DashboardPanel
      title={t('dashboard.expiring')}
      subtitle={t('dashboard.expiringHint', { count: months })}
      testId="expiring-agreements"
    >
      {agreements === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : agreements.length === 0 ? (
        <Typography color="text.secondary">
          {t('dashboard.noExpiring', { count: months })}
        </Typography>
      ) : (
        <List dense disablePadding>
          {agreements.map(({ agreement, deadlines }) => (
            <ListItem key={agreement.id} disablePadding>
              <ListItemButton
                component={RouterLink}
                to={recordOpenPath('agreements', agreement.id)}
              >
                <ListItemText
                  primary={format.text(agreement.title)}
                  secondary={deadlines
                    .map((deadline) =>
                      deadline.kind === 'expiry'
                        ? t('agreement.expires', { date: format.date(deadline.date) })
                        : t('agreement.renewalNotice', { date: format.date(deadline.date) }),
                    )
                    .join(' · ')}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </DashboardPanel>
  );
}
