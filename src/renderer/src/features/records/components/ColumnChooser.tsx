import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import {
  Box,
  Button,
  Checkbox,
  Divider,
  FormControlLabel,
  IconButton,
  List,
  ListItem,
  Popover,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column, ListKind } from '../columns';
import { defaultViewState } from '../listModel';

type ColumnChooserProps = {
  columns: readonly Column<ListKind>[];
  visibleIds: readonly string[];
  onChange: (columnIds: string[]) => void;
};

/**
 * Chooses which columns a list shows and in what order. Shown columns come first in their order,
 * each movable with buttons (reachable by keyboard, unlike dragging); hidden ones follow.
 */
export function ColumnChooser({ columns, visibleIds, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const titleId = useId();
  const byId = new Map(columns.map((column) => [column.id, column]));
  const shown = visibleIds
    .map((id) => byId.get(id))
    .filter((column): column is Column<ListKind> => column !== undefined);
  const hidden = columns.filter((column) => !visibleIds.includes(column.id));
  const label = (column: Column<ListKind>) => t(`columns.${column.label}`);

  const move = (index: number, offset: -1 | 1) => {
    const next = [...visibleIds];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + offset, 0, moved);
    onChange(next);
  };

  return (
    <>
      <Button
        startIcon={<ViewColumnIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
      >
        {t('list.columns')}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId } }}
      >
        <Box sx={{ p: 2, minWidth: 300 }}>
          <Typography id={titleId} variant="subtitle1" component="h2">
            {t('list.columnsTitle')}
          </Typography>
          <List dense>
            {shown.map((column, index) => (
              <ListItem
                key={column.id}
                disableGutters
                secondaryAction={
                  <>
                    <IconButton
                      size="small"
                      disabled={index === 0}
                      aria-label={t('list.moveUp', { column: label(column) })}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      disabled={index === shown.length - 1}
                      aria-label={t('list.moveDown', { column: label(column) })}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                  </>
                }
              >
                <FormControlLabel
                  control={
                    <Checkbox
                      checked
                      // The last shown column stays: an empty table helps nobody.
                      disabled={shown.length === 1}
                      onChange={() => onChange(visibleIds.filter((id) => id !== column.id))}
                    />
                  }
                  label={label(column)}
                />
              </ListItem>
            ))}
            {hidden.length > 0 && <Divider component="li" />}
            {hidden.map((column) => (
              <ListItem key={column.id} disableGutters>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={false}
                      onChange={() => onChange([...visibleIds, column.id])}
                    />
                  }
                  label={label(column)}
                />
              </ListItem>
            ))}
          </List>
          <Button size="small" onClick={() => onChange([...defaultViewState(columns).columnIds])}>
            {t('list.resetColumns')}
          </Button>
        </Box>
      </Popover>
    </>
  );
}
