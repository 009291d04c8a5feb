import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LocalizedText } from '@shared/model/localizedText';
import { DetailHeader } from '../../ui/DetailHeader';
import { DetailSection } from '../../ui/DetailSection';
import { RecordLink } from '../../ui/RecordLink';
import { RecordNotFound } from '../../ui/RecordNotFound';
import { useFormat } from '../../ui/useFormat';
import { HistorySection } from '../history/components/HistorySection';
import { AreasTagsSection } from '../records/components/AreasTagsSection';
import { NotesSection } from '../records/components/NotesSection';
import { RecordActions } from '../records/components/RecordActions';
import { recordLabel } from '../records/recordLabel';
import { FileCard } from './components/FileCard';
import { useDocumentDossier } from './queries';

/** A document: its file (open, save a copy, replace), its date and the records it belongs to. */
export function DocumentDetailPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const dossier = useDocumentDossier(documentId);
  const section = { label: t('nav.documents'), path: '/documents' };

  if (dossier === undefined) return <Typography role="status">{t('common.loading')}</Typography>;
  if (dossier === null) return <RecordNotFound section={section} />;
  const { document, linked, missingIds } = dossier;
  const linkCount = linked.length + missingIds.length;

  return (
    <>
      <DetailHeader
        section={section}
        title={document.title}
        actions={
          <RecordActions kind="documents" id={document.id} name={format.text(document.title)} />
        }
        chips={
          <>
            {document.documentDate && (
              <Chip
                data-testid="document-date"
                label={`${t('fields.documentDate')}: ${format.date(document.documentDate)}`}
              />
            )}
            <Chip variant="outlined" label={t(`enums.sensitivity.${document.sensitivity}`)} />
          </>
        }
      />

      <DetailSection title={t('fields.file')}>
        <FileCard document={document} />
      </DetailSection>

      <DetailSection
        title={t('fields.linkedRecordIds')}
        count={linkCount}
        isEmpty={linkCount === 0}
        emptyText={t('attachments.noLinks')}
      >
        <List dense disablePadding>
          {linked.map(({ kind, record }) => (
            <ListItem key={record.id} disableGutters data-testid="document-link">
              <ListItemText
                primary={
                  <RecordLink kind={kind} id={record.id}>
                    {format.text(recordLabel(record) as LocalizedText)}
                  </RecordLink>
                }
                secondary={t(`nav.${kind}`)}
              />
            </ListItem>
          ))}
          {missingIds.map((id) => (
            <ListItem key={id} disableGutters>
              <ListItemText primary={t('detail.missingRecord')} />
            </ListItem>
          ))}
        </List>
      </DetailSection>

      <AreasTagsSection areaIds={document.areaIds} tagIds={document.tagIds} />
      <NotesSection notes={document.notes} />
      <HistorySection kind="documents" id={document.id} currentRev={document.rev} />
    </>
  );
}
