import SearchIcon from '@mui/icons-material/Search';
import {
  Box,
  Chip,
  Dialog,
  DialogContent,
  InputAdornment,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  ListSubheader,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SEARCHABLE_KINDS, type SearchableKind } from '@shared/search/searchDocument';
import { highlight, type SearchHit } from '@shared/search/searchIndex';
import { recordEditPath, recordListPath, recordPath } from '../../app/recordPaths';
import { useFormat } from '../../ui/useFormat';
import { useSearchResults, useSearchStatus } from './searchClient';

type SearchDialogProps = { isOpen: boolean; onClose: () => void };

/** Hits grouped by kind, groups in the order of their best hit, hits in score order. */
function groupByKind(hits: readonly SearchHit[]) {
  const groups = new Map<SearchableKind, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.kind);
    if (group) group.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups.entries()];
}

/**
 * Search across the whole registry from anywhere (Ctrl+K): every kind, every text field, names in
 * all three languages; case, accents and ə/ı never matter, a typo is forgiven. Results are grouped
 * by kind with the matching words marked; arrows move, Enter opens, Esc closes.
 */
export function SearchDialog({ isOpen, onClose }: SearchDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [kinds, setKinds] = useState<SearchableKind[]>([]);
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const filters = useMemo(() => ({ kinds }), [kinds]);
  const answer = useSearchResults(deferredQuery, filters);
  const status = useSearchStatus();
  const groups = useMemo(() => groupByKind(answer?.hits ?? []), [answer]);
  const flat = groups.flatMap(([, hits]) => hits);
  // Each hit's place in the flat order, which the arrow keys walk.
  const positions = new Map(flat.map((hit, index) => [hit.id, index]));
  const activeIndex = Math.min(active, Math.max(flat.length - 1, 0));

  const open = (hit: SearchHit) => {
    const path =
      recordPath(hit.kind, hit.id) ?? recordEditPath(hit.kind, hit.id) ?? recordListPath(hit.kind);
    onClose();
    void navigate(path);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.max(0, Math.min(flat.length - 1, activeIndex + step));
      setActive(next);
      document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      const hit = flat[activeIndex];
      if (hit) {
        event.preventDefault();
        open(hit);
      }
    }
  };

  const toggleKind = (kind: SearchableKind) => {
    setActive(0);
    setKinds((current) =>
      current.includes(kind) ? current.filter((each) => each !== kind) : [...current, kind],
    );
  };

  const isBusy = status.state !== 'ready' && status.state !== 'failed';

  return (
    <Dialog
      open={isOpen}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      slotProps={{
        paper: { 'aria-label': t('search.title'), sx: { alignSelf: 'flex-start', mt: 8 } },
      }}
    >
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          label={t('search.label')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
            htmlInput: {
              role: 'combobox',
              'aria-expanded': flat.length > 0,
              'aria-controls': listId,
              'aria-activedescendant': flat.length > 0 ? `${listId}-${activeIndex}` : undefined,
              'aria-autocomplete': 'list',
            },
          }}
        />
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mt: 1.5 }}>
          {SEARCHABLE_KINDS.map((kind) => (
            <Chip
              key={kind}
              label={t(`nav.${kind}`)}
              color={kinds.includes(kind) ? 'primary' : 'default'}
              variant={kinds.includes(kind) ? 'filled' : 'outlined'}
              onClick={() => toggleKind(kind)}
              aria-pressed={kinds.includes(kind)}
            />
          ))}
        </Stack>
        {isBusy && (
          <Box sx={{ mt: 2 }} role="status">
            <Typography variant="body2" color="text.secondary">
              {t('search.preparing', { percent: Math.round(status.progress * 100) })}
            </Typography>
            <LinearProgress
              variant={status.state === 'building' ? 'determinate' : 'indeterminate'}
              value={status.progress * 100}
            />
          </Box>
        )}
        {status.state === 'failed' && (
          <Typography role="alert" color="error" sx={{ mt: 2 }}>
            {t('search.failed', { reason: status.error ?? '' })}
          </Typography>
        )}
        {answer && flat.length === 0 && deferredQuery.trim() !== '' && !isBusy && (
          <Typography role="status" sx={{ mt: 2 }} color="text.secondary">
            {t('search.nothing', { query: deferredQuery.trim() })}
          </Typography>
        )}
        <List
          id={listId}
          role="listbox"
          aria-label={t('search.results')}
          sx={{ maxHeight: '60vh', overflow: 'auto', mt: 1 }}
          data-testid="search-results"
          // Which query the list shows and how long the index took: benchmarks read these.
          data-query={answer?.query}
          data-took-ms={answer?.tookMs}
        >
          {groups.map(([kind, hits]) => (
            <li key={kind} role="presentation">
              <ul role="group" aria-label={t(`nav.${kind}`)} style={{ padding: 0 }}>
                <ListSubheader role="presentation">
                  {t(`nav.${kind}`)} ({hits.length})
                </ListSubheader>
                {hits.map((hit) => {
                  const index = positions.get(hit.id) ?? 0;
                  const label = format.text(hit.label);
                  return (
                    <ListItemButton
                      key={hit.id}
                      id={`${listId}-${index}`}
                      role="option"
                      aria-selected={index === activeIndex}
                      selected={index === activeIndex}
                      onClick={() => open(hit)}
                      onMouseMove={() => setActive(index)}
                    >
                      <ListItemText
                        primary={highlight(label, hit.terms).map((part, partIndex) =>
                          part.isMatch ? (
                            <mark key={partIndex}>{part.text}</mark>
                          ) : (
                            <span key={partIndex}>{part.text}</span>
                          ),
                        )}
                        secondary={hit.date ? format.date(hit.date) : undefined}
                      />
                    </ListItemButton>
                  );
                })}
              </ul>
            </li>
          ))}
        </List>
        {answer && flat.length > 0 && (
          <Typography variant="caption" color="text.secondary">
            {t('search.hint')}
          </Typography>
        )}
      </DialogContent>
    </Dialog>
  );
}
