import {
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { comparePartialDates } from '@shared/model/partialDate';
import type { StoredRecord } from '@shared/model/records';
import AddIcon from '@mui/icons-material/Add';
import { useRegistry } from '../../app/RegistryContext';
import { NEW_RECORD_PATHS, recordEditPath, recordPath } from '../../app/recordPaths';
import { EmptyState } from '../../ui/EmptyState';
import { todayIso } from '../../ui/todayIso';
import { useFormat } from '../../ui/useFormat';
import { LIST_COLUMNS, type Column, type ColumnContext, type ListKind } from './columns';
import { useLiveRecords, useRecordsById } from './queries';

type RecordListPageProps = { kind: ListKind };

type SortState = { columnId: string; direction: 'asc' | 'desc' };

/**
 * A section's read-only list: every live record of one kind, sortable by any column in the UI
 * language's alphabetical order, or chronologically for dates.
 */
export function RecordListPage({ kind }: RecordListPageProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { isReadOnly } = useRegistry();
  const records = useLiveRecords(kind);
  const partners = useRecordsById('partners');
  const people = useRecordsById('people');
  const columns = LIST_COLUMNS[kind] as Column<ListKind>[];
  const [sort, setSort] = useState<SortState>({ columnId: columns[0]?.id ?? '', direction: 'asc' });

  const context: ColumnContext | null = useMemo(
    () => (partners && people ? { partners, people, format, t, today: todayIso() } : null),
    [partners, people, format, t],
  );

  const rows = useMemo(() => {
    if (!records || !context) return null;
    const column = columns.find((candidate) => candidate.id === sort.columnId) ?? columns[0];
    if (!column) return records;
    const direction = sort.direction === 'asc' ? 1 : -1;
    const { dateKey } = column;
    const compare = dateKey
      ? (a: StoredRecord<ListKind>, b: StoredRecord<ListKind>) =>
          comparePartialDates(dateKey(a), dateKey(b))
      : (a: StoredRecord<ListKind>, b: StoredRecord<ListKind>) =>
          format.compare(column.text(a, context), column.text(b, context));
    return [...records].sort((a, b) => direction * compare(a, b));
  }, [records, context, columns, sort, format]);

  const title = t(`nav.${kind}`);
  const newPath = NEW_RECORD_PATHS[kind];

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 2 }}>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {rows && (
          <Typography color="text.secondary" data-testid="record-count">
            {t('list.count', { count: rows.length })}
          </Typography>
        )}
        {newPath && !isReadOnly && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => void navigate(newPath)}
            sx={{ ml: 'auto' }}
          >
            {t('form.new')}
          </Button>
        )}
      </Box>
      {rows === null || !context ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : rows.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          <Typography color="text.secondary">{t('list.emptyBody')}</Typography>
        </EmptyState>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                {columns.map((column) => (
                  <TableCell
                    key={column.id}
                    sortDirection={sort.columnId === column.id ? sort.direction : false}
                  >
                    <TableSortLabel
                      active={sort.columnId === column.id}
                      direction={sort.columnId === column.id ? sort.direction : 'asc'}
                      onClick={() =>
                        setSort((current) => ({
                          columnId: column.id,
                          direction:
                            current.columnId === column.id && current.direction === 'asc'
                              ? 'desc'
                              : 'asc',
                        }))
                      }
                    >
                      {t(`columns.${column.label}`)}
                    </TableSortLabel>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((record) => {
                // Follow-ups have no page of their own: a row opens its form (unless read-only).
                const path =
                  recordPath(kind, record.id) ??
                  (isReadOnly ? null : recordEditPath(kind, record.id));
                const open = path ? () => void navigate(path) : undefined;
                return (
                  <TableRow
                    key={record.id}
                    hover={Boolean(open)}
                    onClick={open}
                    onKeyDown={(event) => {
                      if (open && event.key === 'Enter') open();
                    }}
                    tabIndex={open ? 0 : undefined}
                    sx={open ? { cursor: 'pointer' } : undefined}
                  >
                    {columns.map((column) => (
                      <TableCell key={column.id}>
                        {column.render
                          ? column.render(record, context)
                          : column.text(record, context)}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
