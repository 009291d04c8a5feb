import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Typography } from '@mui/material';
import { useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRegistry } from '../../app/RegistryContext';
import { NEW_RECORD_PATHS, recordEditPath, recordPath } from '../../app/recordPaths';
import { EmptyState } from '../../ui/EmptyState';
import { BriefingButton } from '../briefing/components/BriefingButton';
import { ExportMenu } from '../exports/components/ExportMenu';
import { ShortcutTooltip } from '../../ui/keyboard/ShortcutTooltip';
import { useFocusShortcut } from '../../ui/keyboard/useShortcut';
import { todayIso } from '../../ui/todayIso';
import { useFormat } from '../../ui/useFormat';
import { LIST_COLUMNS, type Column, type ColumnContext, type ListKind } from './columns';
import { ColumnChooser } from './components/ColumnChooser';
import { ListFilters } from './components/ListFilters';
import { SavedViewsMenu } from './components/SavedViewsMenu';
import { VirtualRecordTable } from './components/VirtualRecordTable';
import { LIST_FACETS, type FacetDefinition } from './listFacets';
import {
  filterRows,
  hasActiveFilters,
  listRowBuilder,
  parseDateRange,
  sortListRows,
  type ListRow,
} from './listModel';
import { useLiveRecords, useRecordsById } from './queries';
import { useListView } from './useListView';

type RecordListPageProps = { kind: ListKind };

/**
 * A section's list: every live record of one kind, filtered by text (in any language), facets and
 * partial-date ranges, sorted by any column in the UI language's order, with chosen columns and
 * saved views. Rows are built once per record and the table is virtualized, so the list stays
 * quick at 100,000 records.
 */
export function RecordListPage({ kind }: RecordListPageProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { isReadOnly } = useRegistry();
  const columns = LIST_COLUMNS[kind] as Column<ListKind>[];
  const definition = LIST_FACETS[kind] as FacetDefinition<ListKind>;
  const view = useListView(kind, columns);
  const { state } = view;
  const filterRef = useRef<HTMLInputElement>(null);

  const records = useLiveRecords(kind);
  // Only the kinds this list's columns and filters name are loaded.
  const partners = useRecordsById('partners', { isEnabled: kind !== 'areas' });
  const people = useRecordsById('people', { isEnabled: kind === 'followUps' });
  const areas = useRecordsById('areas');

  const context: ColumnContext | null = useMemo(
    () =>
      partners && people && areas
        ? { partners, people, areas, format, t, today: todayIso() }
        : null,
    [partners, people, areas, format, t],
  );
  const buildRows = useMemo(
    () => (context ? listRowBuilder(kind, columns, definition, context) : null),
    [kind, columns, definition, context],
  );
  const allRows = useMemo(
    () => (records && buildRows ? buildRows(records) : null),
    [records, buildRows],
  );
  const sortColumn = columns.find((column) => column.id === state.sort.columnId) ?? columns[0];
  const sortedRows = useMemo(
    () =>
      allRows && sortColumn
        ? sortListRows(kind, allRows, sortColumn, state.sort.direction, format)
        : allRows,
    [kind, allRows, sortColumn, state.sort.direction, format],
  );
  // Filtering follows typing at its own pace: the input never waits for 100,000 rows.
  const deferredState = useDeferredValue(state);
  const dateRange = parseDateRange(deferredState.from, deferredState.to);
  const rangeKey = 'range' in dateRange ? `${dateRange.range.from}|${dateRange.range.to}` : null;
  const rows = useMemo(() => {
    if (!sortedRows) return null;
    const parsed = parseDateRange(deferredState.from, deferredState.to);
    return filterRows(
      sortedRows,
      deferredState,
      'range' in parsed ? parsed.range : { from: null, to: null },
    );
    // rangeKey stands for from/to once parsed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sortedRows, deferredState.text, deferredState.facets, rangeKey]);

  const countries = useMemo(() => {
    const codes = new Set<string>();
    for (const row of allRows ?? []) for (const code of row.facets.countries) codes.add(code);
    return [...codes];
  }, [allRows]);
  const partnerOptions = useMemo(() => [...(partners?.values() ?? [])], [partners]);
  const areaOptions = useMemo(() => [...(areas?.values() ?? [])], [areas]);
  const visibleColumns = state.columnIds
    .map((id) => columns.find((column) => column.id === id))
    .filter((column): column is Column<ListKind> => column !== undefined);

  useFocusShortcut('mod+f', filterRef);

  const typedRange = parseDateRange(state.from, state.to);
  const dateError = 'error' in typedRange ? typedRange.error.bound : null;
  const title = t(`nav.${kind}`);
  const newPath = NEW_RECORD_PATHS[kind];
  const isFiltered = hasActiveFilters(state);
  const pathOf = (row: ListRow<ListKind>) =>
    // Kinds without a page of their own open their form (unless read-only).
    recordPath(kind, row.record.id) ?? (isReadOnly ? null : recordEditPath(kind, row.record.id));

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {rows && allRows && (
          <Typography
            color="text.secondary"
            data-testid="record-count"
            role="status"
            // Which filter text the count reflects: benchmarks wait for it, as a user waits for the count.
            data-filter={deferredState.text}
          >
            {isFiltered
              ? t('list.filteredCount', { count: rows.length, total: allRows.length })
              : t('list.count', { count: allRows.length })}
          </Typography>
        )}
        <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
          <SavedViewsMenu kind={kind} query={view.query} onApply={view.apply} />
          <ColumnChooser
            columns={columns}
            visibleIds={state.columnIds}
            onChange={(columnIds) => view.update({ columnIds })}
          />
          <ExportMenu kind={kind} rows={rows} columns={visibleColumns} context={context} />
          {kind === 'partners' && <BriefingButton />}
          {newPath && !isReadOnly && (
            <ShortcutTooltip shortcut="mod+n" title={(keys) => t('shortcuts.new', { keys })}>
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => void navigate(newPath)}
              >
                {t('form.new')}
              </Button>
            </ShortcutTooltip>
          )}
        </Box>
      </Box>
      {allRows && allRows.length > 0 && (
        <ListFilters
          definition={definition}
          state={state}
          onChange={view.update}
          countries={countries}
          partners={partnerOptions}
          areas={areaOptions}
          dateError={dateError}
          hasActiveFilters={isFiltered}
          filterRef={filterRef}
        />
      )}
      {rows === null || allRows === null || !context ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : allRows.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          <Typography color="text.secondary">{t('list.emptyBody')}</Typography>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={t('list.noMatchTitle')}>
          <Typography color="text.secondary">{t('list.noMatchBody')}</Typography>
        </EmptyState>
      ) : (
        <VirtualRecordTable
          label={title}
          columns={visibleColumns}
          rows={rows}
          context={context}
          sort={state.sort}
          onSort={(columnId) =>
            // Two quick clicks must toggle twice: decide from the state as it is, not as rendered.
            view.update((current) => ({
              sort: {
                columnId,
                direction:
                  current.sort.columnId === columnId && current.sort.direction === 'asc'
                    ? 'desc'
                    : 'asc',
              },
            }))
          }
          pathOf={pathOf}
          onOpen={(path) => void navigate(path)}
          resetKey={JSON.stringify([
            deferredState.text,
            deferredState.facets,
            rangeKey,
            state.sort,
          ])}
        />
      )}
    </Box>
  );
}
