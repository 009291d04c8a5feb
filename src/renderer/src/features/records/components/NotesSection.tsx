import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import { DetailSection } from '../../../ui/DetailSection';
import { useFormat } from '../../../ui/useFormat';

type NotesSectionProps = { notes: LocalizedText | null; title?: string };

/** Free notes, kept as written; hidden when there are none. */
export function NotesSection({ notes, title }: NotesSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!notes) return null;
  return (
    <DetailSection title={title ?? t('detail.notes')}>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{format.text(notes)}</Typography>
    </DetailSection>
  );
}
