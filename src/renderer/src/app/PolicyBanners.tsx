import { Alert, Link, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useRegistry } from './RegistryContext';

/**
 * What the machine policy means for this session, above every screen: read-only mode, a policy
 * file that cannot be read (so the app is locked down until IT fixes it, and says which file and
 * why), and a policy file that was partly or wholly refused (so IT's mistake never goes unnoticed).
 */
export function PolicyBanners() {
  const { t } = useTranslation();
  const { policy, isReadOnly } = useRegistry();
  const isUnreadable = policy.source.status === 'unreadable';
  const hasProblems =
    (!isUnreadable && policy.problems.length > 0) || policy.dataLocations.problem !== null;
  if (!isReadOnly && !isUnreadable && !hasProblems) return null;
  const details = (
    <Link component={RouterLink} to="/settings">
      {t('policy.problemsLink')}
    </Link>
  );
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {isUnreadable ? (
        <Alert severity="error" data-testid="policy-unreadable-banner">
          {t('policy.unreadableBanner', {
            path: policy.source.path,
            problem: policy.problems[0] ?? '',
          })}{' '}
          {details}
        </Alert>
      ) : (
        isReadOnly && (
          <Alert severity="info" data-testid="read-only-banner">
            {t('policy.readOnlyBanner')}
          </Alert>
        )
      )}
      {hasProblems && (
        <Alert severity="warning" data-testid="policy-problems-banner">
          {t('policy.problemsBanner')} {details}
        </Alert>
      )}
    </Stack>
  );
}
