import { Box, LinearProgress, Typography } from '@mui/material';

type BackupProgressProps = {
  label: string;
  /** 0–1 when the share done is known; null for "working, length unknown". */
  value: number | null;
};

/** A labelled progress bar for a backup or a read that may take a while on a large registry. */
export function BackupProgress({ label, value }: BackupProgressProps) {
  return (
    <Box sx={{ mt: 2, maxWidth: 480 }} role="status">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {label}
      </Typography>
      <LinearProgress
        aria-label={label}
        variant={value === null ? 'indeterminate' : 'determinate'}
        value={value === null ? undefined : Math.round(value * 100)}
      />
    </Box>
  );
}
