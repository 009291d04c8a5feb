import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import { DetailSection } from '../../ui/DetailSection';
import { RecordLink } from '../../ui/RecordLink';
import { useFormat } from '../../ui/useFormat';
import { partnerChronology, type ChronologyEntry } from './chronology';
import type { PartnerDossier } from './queries';

/** The cooperation with a partner on one line per dated moment, oldest first. */
export function PartnerChronology({ dossier }: { dossier: PartnerDossier }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = partnerChronology(dossier);
  const titles = new Map<string, LocalizedText>([
    ...dossier.agreements.map((record) => [record.id, record.title] as const),
    ...dossier.events.map((record) => [record.id, record.title] as const),
    ...dossier.projects.map((record) => [record.id, record.title] as const),
  ]);
  const what = (entry: ChronologyEntry) => {
    switch (entry.what.type) {
      case 'agreement-step':
        return t(`enums.stepKind.${entry.what.step}`);
      case 'event':
        return t('chronology.event');
      case 'project-start':
        return t('chronology.projectStart');
      case 'project-end':
        return t('chronology.projectEnd');
    }
  };
  return (
    <DetailSection
      title={t('chronology.title')}
      count={entries.length}
      isEmpty={entries.length === 0}
      emptyText={t('chronology.empty')}
    >
      <Table size="small" aria-label={t('chronology.title')}>
        <TableBody>
          {entries.map((entry, index) => (
            <TableRow key={`${entry.recordId}-${String(index)}`} data-testid="chronology-entry">
              <TableCell sx={{ whiteSpace: 'nowrap', width: '1%' }}>
                {entry.endDate
                  ? format.dateRange(entry.date, entry.endDate)
                  : format.date(entry.date)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', width: '1%' }}>{what(entry)}</TableCell>
              <TableCell>
                <RecordLink kind={entry.kind} id={entry.recordId}>
                  {format.text(titles.get(entry.recordId))}
                </RecordLink>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </DetailSection>
  );
}
