import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column, ColumnContext, ListKind } from '../columns';
import type { ListRow, ListViewState } from '../listModel';

const ROW_HEIGHT = 37;

type VirtualRecordTableProps = {
  label: string;
  columns: readonly Column<ListKind>[];
  rows: readonly ListRow<ListKind>[];
  context: ColumnContext;
  sort: ListViewState['sort'];
  onSort: (columnId: string) => void;
  /** Where a row leads, or null when it opens nothing (read-only and no page of its own). */
  pathOf: (row: ListRow<ListKind>) => string | null;
  onOpen: (path: string) => void;
  /** Changes when the filters or sort change: the list then starts again from its top. */
  resetKey: string;
};

/**
 * A list's table. Only the rows in view (plus a few) are in the page, so 100,000 records scroll
 * like 100. One row at a time is in the Tab order; arrow keys, Page Up/Down, Home and End move
 * between rows and Enter opens one, as in a desktop list.
 */
export function VirtualRecordTable({
  label,
  columns,
  rows,
  context,
  sort,
  onSort,
  pathOf,
  onOpen,
  resetKey,
}: VirtualRecordTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [focusRequest, setFocusRequest] = useState<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-reads scroll state every render by design; this table is not memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const [lastResetKey, setLastResetKey] = useState(resetKey);
  if (resetKey !== lastResetKey) {
    setLastResetKey(resetKey);
    setActiveIndex(0);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // Keep the active row inside the list when filtering shortens it.
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));

  const items = virtualizer.getVirtualItems();

  // After a key moved the active row, focus it once the virtualizer has rendered it.
  useEffect(() => {
    if (focusRequest === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${focusRequest}"]`);
    if (row) {
      row.focus();
      setFocusRequest(null);
    }
  }, [focusRequest, items]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setFocusRequest(target);
  };

  const pageSize = Math.max(
    1,
    Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1,
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageSize,
      PageUp: active - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter') {
      const row = rows[active];
      const path = row ? pathOf(row) : null;
      if (path) onOpen(path);
    }
  };

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <TableContainer
      component={Paper}
      variant="outlined"
      ref={scrollRef}
      sx={{ height: 'calc(100vh - 260px)', minHeight: 320 }}
      data-testid="record-table"
    >
      <Table
        stickyHeader
        size="small"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        sx={{ tableLayout: 'fixed' }}
      >
        <colgroup>
          {columns.map((column, index) => (
            <col key={column.id} style={{ width: index === 0 ? '32%' : undefined }} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow aria-rowindex={1}>
            {columns.map((column) => (
              <TableCell
                key={column.id}
                sortDirection={sort.columnId === column.id ? sort.direction : false}
              >
                <TableSortLabel
                  active={sort.columnId === column.id}
                  direction={sort.columnId === column.id ? sort.direction : 'asc'}
                  onClick={() => onSort(column.id)}
                >
                  {t(`columns.${column.label}`)}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody ref={bodyRef} onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden style={{ height: paddingTop }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const path = pathOf(row);
            return (
              <TableRow
                key={row.record.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                hover={path !== null}
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActiveIndex(item.index)}
                onClick={path ? () => onOpen(path) : undefined}
                sx={{
                  height: ROW_HEIGHT,
                  cursor: path ? 'pointer' : undefined,
                  '&:focus-visible': { outline: '2px solid', outlineOffset: -2 },
                }}
              >
                {columns.map((column) => {
                  const text = row.cells[column.id] ?? '';
                  return (
                    <TableCell
                      key={column.id}
                      title={text}
                      sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                    >
                      {column.render ? column.render(row.record, context) : text}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden style={{ height: paddingBottom }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
