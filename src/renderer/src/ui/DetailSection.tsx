import { Box, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';

type DetailSectionProps = {
  title: string;
  /** Shown after the title, e.g. how many linked records the section lists. */
  count?: number;
  /** Shown instead of the children when the section has nothing to list. */
  emptyText?: string;
  isEmpty?: boolean;
  children?: ReactNode;
};

/** One titled part of a detail page, a landmark screen readers can jump to. */
export function DetailSection({ title, count, emptyText, isEmpty, children }: DetailSectionProps) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h6" component="h2" gutterBottom>
        {title}
        {count !== undefined && (
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            ({count})
          </Typography>
        )}
      </Typography>
      {isEmpty ? <Typography color="text.secondary">{emptyText}</Typography> : children}
    </Box>
  );
}
