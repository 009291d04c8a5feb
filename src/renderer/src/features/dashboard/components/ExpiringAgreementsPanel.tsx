import { Button, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../../ui/useFormat';
import type { ExpiringAgreement } from '../queries';
import { DashboardPanel } from './DashboardPanel';
import { recordOpenPath } from './recordOpenPath';

/** Beyond this many the list folds, so the other panels stay in view. */
const SHOWN = 10;

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
  const [isExpanded, setIsExpanded] = useState(false);
  const shown = agreements && !isExpanded ? agreements.slice(0, SHOWN) : agreements;
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
        <>
          <List dense disablePadding>
            {(shown ?? []).map(({ agreement, deadlines }) => (
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
          {agreements.length > SHOWN && (
            <Button
              size="small"
              aria-expanded={isExpanded}
              onClick={() => setIsExpanded((expanded) => !expanded)}
              sx={{ mt: 1 }}
            >
              {isExpanded
                ? t('dashboard.showFewer')
                : t('dashboard.showAll', { count: agreements.length })}
            </Button>
          )}
        </>
      )}
    </DashboardPanel>
  );
}
