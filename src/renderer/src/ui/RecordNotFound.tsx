import { Link } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from './EmptyState';

type RecordNotFoundProps = { section: { label: string; path: string } };

/** A detail page for a record that does not exist or is in Trash. */
export function RecordNotFound({ section }: RecordNotFoundProps) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('common.notFound')}>
      <Link component={RouterLink} to={section.path}>
        {t('common.backTo', { section: section.label })}
      </Link>
    </EmptyState>
  );
}
