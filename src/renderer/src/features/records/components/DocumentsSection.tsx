import { List, ListItem, ListItemText } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RegistryDocument } from '@shared/model/records';
import { DetailSection } from '../../../ui/DetailSection';
import { useFormat } from '../../../ui/useFormat';

/** The documents linked to the record on screen; hidden when there are none. */
export function DocumentsSection({ documents }: { documents: readonly RegistryDocument[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (documents.length === 0) return null;
  return (
    <DetailSection title={t('detail.documents')} count={documents.length}>
      <List dense disablePadding>
        {documents.map((document) => (
          <ListItem key={document.id} disableGutters>
            <ListItemText
              primary={format.text(document.title)}
              secondary={[format.date(document.documentDate), document.file?.name ?? '']
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </DetailSection>
  );
}
