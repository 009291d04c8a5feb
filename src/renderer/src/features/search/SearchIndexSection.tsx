import { Box, Button, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSearchClient, useSearchStatus } from './searchClient';

/**
 * Settings: how big the search index is, where it came from (the saved copy or a fresh build,
 * and how long that took), and a Rebuild button for when search seems to miss something.
 */
export function SearchIndexSection() {
  const { t } = useTranslation();
  const client = useSearchClient();
  const status = useSearchStatus();
  const isBuilding = status.state === 'building' || status.state === 'loading';
  return (
    <Box>
      <Typography data-testid="search-index-status">
        {t('search.indexStatus', { count: status.documents })}
      </Typography>
      {status.source === 'saved' && status.loadMs !== undefined && (
        <Typography color="text.secondary">
          {t('search.indexSaved', { ms: status.loadMs })}
        </Typography>
      )}
      {status.source === 'rebuilt' && status.buildMs !== undefined && (
        <Typography color="text.secondary">
          {t('search.indexBuilt', { ms: status.buildMs })}
        </Typography>
      )}
      {isBuilding && (
        <Box role="status" sx={{ mt: 1 }}>
          <Typography variant="body2">
            {t('search.rebuilding', { percent: Math.round(status.progress * 100) })}
          </Typography>
          <LinearProgress variant="determinate" value={status.progress * 100} />
        </Box>
      )}
      {status.state === 'failed' && (
        <Typography role="alert" color="error">
          {t('search.failed', { reason: status.error ?? '' })}
        </Typography>
      )}
      <Button
        sx={{ mt: 2 }}
        variant="outlined"
        disabled={isBuilding}
        onClick={() => client.rebuild()}
      >
        {t('search.rebuild')}
      </Button>
    </Box>
  );
}
