import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegistry } from '../../../app/RegistryContext';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import {
  deleteView,
  restoreView,
  saveView,
  SavedViewError,
  useSavedViews,
  type SavedViewScope,
} from '../savedViews';

type SavedViewsMenuProps = {
  kind: SavedViewScope;
  /** The list's current state as a URL query: what "Save view" keeps. */
  query: string;
  onApply: (query: string) => void;
};

/** Named views of a list: apply one, save the current filters, sort and columns, delete with Undo. */
export function SavedViewsMenu({ kind, query, onApply }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db } = useRegistry();
  const views = useSavedViews(kind);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sorted = [...(views ?? [])].sort((a, b) => format.compare(a.name, b.name));
  const current = sorted.find((view) => view.query === query);
  // The same menu keeps a list's views and the search's saved searches; only the words differ.
  const isSearch = kind === 'search';

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      const view = await saveView(db, kind, name, query);
      setIsSaving(false);
      notify({ severity: 'success', message: t('list.viewSaved', { name: view.name }) });
    } catch (caught) {
      if (caught instanceof SavedViewError) {
        setError(t(caught.reason === 'empty' ? 'list.viewNameEmpty' : 'list.viewNameTooLong'));
      } else {
        setError(t('list.viewSaveFailed', { reason: String(caught) }));
      }
    }
  };

  return (
    <>
      <Button
        startIcon={<BookmarksIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
      >
        {current
          ? t(isSearch ? 'search.savedCurrent' : 'list.viewsCurrent', { name: current.name })
          : t(isSearch ? 'search.saved' : 'list.views')}
      </Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)}>
        {sorted.length === 0 && (
          <MenuItem disabled>
            <ListItemText>{t(isSearch ? 'search.noSaved' : 'list.noViews')}</ListItemText>
          </MenuItem>
        )}
        {sorted.map((view) => (
          <MenuItem
            key={view.id}
            selected={view.id === current?.id}
            onClick={() => {
              setAnchor(null);
              onApply(view.query);
            }}
          >
            <ListItemText>{view.name}</ListItemText>
            <IconButton
              edge="end"
              size="small"
              aria-label={t('list.deleteView', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                // The deleted item took the focus with it: close the menu, so focus returns to its
                // button and the Undo message is in reach.
                setAnchor(null);
                void deleteView(db, view.id).then(() =>
                  notify({
                    severity: 'info',
                    message: t('list.viewDeleted', { name: view.name }),
                    action: { label: t('list.undo'), onClick: () => void restoreView(db, view) },
                  }),
                );
              }}
              sx={{ ml: 2 }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setName(current?.name ?? '');
            setError(null);
            setIsSaving(true);
          }}
        >
          {t(isSearch ? 'search.save' : 'list.saveView')}
        </MenuItem>
      </Menu>
      <Dialog
        open={isSaving}
        onClose={() => setIsSaving(false)}
        slotProps={{
          paper: { component: 'form', onSubmit: (event: SyntheticEvent) => void save(event) },
        }}
      >
        <DialogTitle>{t(isSearch ? 'search.saveTitle' : 'list.saveViewTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {t(isSearch ? 'search.saveHint' : 'list.saveViewHint')}
          </DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label={t('list.viewName')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            error={error !== null}
            helperText={error}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setIsSaving(false)}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('list.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
