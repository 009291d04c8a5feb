import { List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { todayIso } from '../../../ui/todayIso';
import { useFormat } from '../../../ui/useFormat';
import { addMonths } from '../dateWindows';
import { useExpiringAgreements } from '../queries';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

/** How far ahead the dashboard warns of expiry and renewal-notice dates. */
const MONTHS_AHEAD = 6;

/**
 * Agreements that expire, or whose renewal must be notified, in the next six months, soonest
 * first, so a renewal is prepared before the date passes.
 */
export function ExpiringAgreementsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  const window = useMemo(() => ({ first: today, last: addMonths(today, MONTHS_AHEAD) }), [today]);
  const agreements = useExpiringAgreements(window);
  return (
    <DashboardPanel
      title={t('dashboard.expiring')}
      subtitle={t('dashboard.expiringHint', { count: MONTHS_AHEAD })}
      testId="expiring-agreements"
    >
      {agreements === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : agreements.length === 0 ? (
        <Typography color="text.secondary">
          {t('dashboard.noExpiring', { count: MONTHS_AHEAD })}
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
