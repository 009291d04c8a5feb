import {
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const ROW_HEIGHT = 41;

type VirtualTableProps = {
  label: string;
  headers: readonly string[];
  rowCount: number;
  /** The cells of one row. */
  cells: (index: number) => ReactNode[];
  rowKey: (index: number) => string | number;
  testId: string;
  /** Relative widths of the columns, e.g. ['10%', '20%']. */
  widths?: readonly string[];
};

/**
 * A table of any length where only the rows in view are in the page, so a file with 50,000
 * problems lists every one of them without freezing the window. The scroll area takes focus, so
 * keyboard users can scroll it.
 */
export function VirtualTable({
  label,
  headers,
  rowCount,
  cells,
  rowKey,
  testId,
  widths,
}: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-reads scroll state every render by design
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <TableContainer
      component={Paper}
      variant="outlined"
      ref={scrollRef}
      tabIndex={0}
      sx={{ maxHeight: 360, '&:focus-visible': { outline: '2px solid', outlineOffset: 2 } }}
      data-testid={testId}
    >
      <Table
        stickyHeader
        size="small"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        sx={{ tableLayout: 'fixed' }}
      >
        {widths && (
          <colgroup>
            {widths.map((width, index) => (
              <col key={index} style={{ width }} />
            ))}
          </colgroup>
        )}
        <TableHead>
          <TableRow aria-rowindex={1}>
            {headers.map((header) => (
              <TableCell key={header}>{header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {paddingTop > 0 && (
            <tr aria-hidden style={{ height: paddingTop }}>
              <td colSpan={headers.length} />
            </tr>
          )}
          {items.map((item) => (
            <TableRow
              key={rowKey(item.index)}
              data-index={item.index}
              aria-rowindex={item.index + 2}
              sx={{ height: ROW_HEIGHT }}
            >
              {cells(item.index).map((cell, index) => (
                <TableCell key={index} sx={{ overflowWrap: 'anywhere' }}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {paddingBottom > 0 && (
            <tr aria-hidden style={{ height: paddingBottom }}>
              <td colSpan={headers.length} />
            </tr>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
