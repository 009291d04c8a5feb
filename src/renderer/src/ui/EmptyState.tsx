import { Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

type EmptyStateProps = { title: string; children?: ReactNode };

/** What a section shows when it has nothing yet: what it is for and what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
