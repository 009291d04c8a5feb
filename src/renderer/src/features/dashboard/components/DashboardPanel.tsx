import { Box, Paper, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';

type DashboardPanelProps = {
  title: string;
  /** What the panel covers, under the title: "Overdue, or due in the next 30 days". */
  subtitle?: string;
  /** Controls beside the title, such as a window toggle. */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
};

/** One titled block of the dashboard: a landmark a screen reader can jump to by its heading. */
export function DashboardPanel({ title, subtitle, action, children, testId }: DashboardPanelProps) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      data-testid={testId}
      sx={{ p: 2, minWidth: 0 }}
    >
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          mb: 1,
        }}
      >
        <Box>
          <Typography id={headingId} variant="h6" component="h2">
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </Box>
        {action}
      </Box>
      {children}
    </Paper>
  );
}
