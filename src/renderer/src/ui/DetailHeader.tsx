import { Box, Breadcrumbs, Link, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { pickedLanguage, type LocalizedText } from '@shared/model/localizedText';
import { useFormat } from './useFormat';

type DetailHeaderProps = {
  /** The list the record belongs to: its label and path, for the breadcrumb. */
  section: { label: string; path: string };
  title: LocalizedText;
  /** Shown beside the title, e.g. an acronym. */
  suffix?: string;
  /** Kind, status and other chips under the title. */
  chips?: ReactNode;
  /** Buttons that act on the record (delete, later edit), at the right of the title. */
  actions?: ReactNode;
};

/**
 * The top of every detail page: where it sits, the record's name in the UI language, and a note
 * when that name is only available in another language.
 */
export function DetailHeader({ section, title, suffix, chips, actions }: DetailHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shownIn = pickedLanguage(title, format.language);
  return (
    <Box>
      <Breadcrumbs sx={{ mb: 1 }}>
        <Link component={RouterLink} to={section.path}>
          {section.label}
        </Link>
        <Typography color="text.primary">{suffix || format.text(title)}</Typography>
      </Breadcrumbs>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {format.text(title)}
          {suffix && (
            <Typography component="span" variant="h5" color="text.secondary" sx={{ ml: 1 }}>
              ({suffix})
            </Typography>
          )}
        </Typography>
        {actions}
      </Stack>
      {shownIn !== null && shownIn !== format.language && (
        <Typography variant="caption" color="text.secondary">
          {t('language.fallbackNote', { language: t(`language.${shownIn}`) })}
        </Typography>
      )}
      {chips && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
          {chips}
        </Stack>
      )}
    </Box>
  );
}
