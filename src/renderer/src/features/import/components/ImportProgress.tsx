import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Work in progress: what it is, and how far it got when the worker says so. */
export type Busy = { label: string; done: number; total: number };

type ImportProgressProps = { busy: Busy };

/** A progress bar that reads out its label; indeterminate until the first progress message. */
export function ImportProgress({ busy }: ImportProgressProps) {
  const { t } = useTranslation();
  const percent = busy.total > 0 ? Math.min(100, Math.round((busy.done / busy.total) * 100)) : null;
  return (
    <Box sx={{ my: 2 }} role="status" aria-live="polite" data-testid="import-progress">
      <Typography sx={{ mb: 1 }}>{busy.label}</Typography>
      <LinearProgress
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? undefined}
        aria-label={busy.label}
      />
      {percent !== null && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t('importer.progress', {
            done: busy.done.toLocaleString(),
            total: busy.total.toLocaleString(),
          })}
        </Typography>
      )}
    </Box>
  );
}
