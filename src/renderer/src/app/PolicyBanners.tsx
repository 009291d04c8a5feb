import { Alert, Link, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useRegistry } from './RegistryContext';

/**
 * What the machine policy means for this session, above every screen: read-only mode, and a
 * policy file that was partly or wholly refused (so IT's mistake never goes unnoticed).
 */
export function PolicyBanners() {
  const { t } = useTranslation();
  const { policy, isReadOnly } = useRegistry();
  const hasProblems = policy.problems.length > 0 || policy.dataLocations.problem !== null;
  if (!isReadOnly && !hasProblems) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {isReadOnly && (
        <Alert severity="info" data-testid="read-only-banner">
          {t('policy.readOnlyBanner')}
        </Alert>
      )}
      {hasProblems && (
        <Alert severity="warning" data-testid="policy-problems-banner">
          {t('policy.problemsBanner')}{' '}
          <Link component={RouterLink} to="/settings">
            {t('policy.problemsLink')}
          </Link>
        </Alert>
      )}
    </Stack>
  );
}
