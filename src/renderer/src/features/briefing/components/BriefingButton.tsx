import SummarizeIcon from '@mui/icons-material/Summarize';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

/**
 * Opens the briefing-pack page: for a partner or an event from its detail page, or with no subject
 * yet (a country, a selection) from the partners list.
 */
export function BriefingButton({
  subject = {},
}: {
  subject?: { partner: string } | { event: string } | Record<string, never>;
}) {
  const { t } = useTranslation();
  const query = new URLSearchParams(subject).toString();
  return (
    <Button
      variant="outlined"
      startIcon={<SummarizeIcon />}
      component={RouterLink}
      to={query ? `/briefing?${query}` : '/briefing'}
    >
      {t('briefing.action')}
    </Button>
  );
}
