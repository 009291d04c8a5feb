import { Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

type PageSectionProps = { title: string; children: ReactNode };

/** One titled, outlined part of a page made of sections (Settings, Exchange). */
export function PageSection({ title, children }: PageSectionProps) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 3, mb: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
