import FilterListIcon from '@mui/icons-material/FilterList';
import SearchIcon from '@mui/icons-material/Search';
import {
  Autocomplete,
  Box,
  Button,
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
  createFilterOptions,
} from '@mui/material';
import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SEARCHABLE_KINDS, type SearchableKind } from '@shared/search/searchDocument';
import { highlight, type SearchHit } from '@shared/search/searchIndex';
import { recordEditPath, recordListPath, recordPath } from '../../app/recordPaths';
import { useFormat } from '../../ui/useFormat';
import { SavedViewsMenu } from '../records/components/SavedViewsMenu';
import { useLiveRecords } from '../records/queries';
import { useSearchResults, useSearchStatus } from './searchClient';
import {
  EMPTY_SEARCH,
  parseSearch,
  searchFilters,
  serializeSearch,
  type SearchState,
} from './searchState';

type SearchDialogProps = { isOpen: boolean; onClose: () => void };

type IdOption = { id: string; label: string };
const limitedOptions = createFilterOptions<IdOption>({ limit: 100 });

/** A multiple choice of records by name, for the area and partner filters. */
function IdPicker({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: IdOption[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const byId = new Map(options.map((option) => [option.id, option]));
  return (
    <Autocomplete
      multiple
      size="small"
      limitTags={2}
      options={options}
      filterOptions={limitedOptions}
      value={value.map((id) => byId.get(id)).filter((option) => option !== undefined)}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      getOptionLabel={(option) => option.label}
      onChange={(_event, chosen) => onChange(chosen.map((option) => option.id))}
      renderInput={(params) => <TextField {...params} label={label} />}
      sx={{ minWidth: 220 }}
    />
  );
}

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
  const [state, setState] = useState<SearchState>(EMPTY_SEARCH);
  const [isFiltering, setIsFiltering] = useState(false);
  const [active, setActive] = useState(0);
  const query = state.text;
  const { kinds } = state;
  const deferredQuery = useDeferredValue(query);
  const { filters, dateError } = searchFilters(state);
  const answer = useSearchResults(deferredQuery, filters);
  const partners = useLiveRecords('partners');
  const areas = useLiveRecords('areas');
  const update = (patch: Partial<SearchState>) => {
    setActive(0);
    setState((current) => ({ ...current, ...patch }));
  };
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

  const toggleKind = (kind: SearchableKind) =>
    update({
      kinds: kinds.includes(kind) ? kinds.filter((each) => each !== kind) : [...kinds, kind],
    });

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
          onChange={(event) => update({ text: event.target.value })}
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
        <Stack
          direction="row"
          useFlexGap
          sx={{ flexWrap: 'wrap', gap: 1, mt: 1.5, alignItems: 'center' }}
        >
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
          <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
            <Button
              size="small"
              startIcon={<FilterListIcon />}
              aria-expanded={isFiltering}
              onClick={() => setIsFiltering((current) => !current)}
            >
              {t('search.filters')}
            </Button>
            <SavedViewsMenu
              kind="search"
              query={serializeSearch(state)}
              onApply={(saved) => {
                const restored = parseSearch(saved);
                setIsFiltering(
                  restored.areaIds.length + restored.partnerIds.length > 0 ||
                    Boolean(restored.from || restored.to),
                );
                setActive(0);
                setState(restored);
              }}
            />
          </Box>
        </Stack>
        {isFiltering && (
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5, mt: 1.5 }}>
            <IdPicker
              label={t('list.facets.area')}
              options={(areas ?? []).map((area) => ({
                id: area.id,
                label: format.text(area.name),
              }))}
              value={state.areaIds}
              onChange={(areaIds) => update({ areaIds })}
            />
            <IdPicker
              label={t('list.facets.partner')}
              options={(partners ?? []).map((partner) => ({
                id: partner.id,
                label: format.text(partner.acronym) || format.text(partner.name),
              }))}
              value={state.partnerIds}
              onChange={(partnerIds) => update({ partnerIds })}
            />
            {(['from', 'to'] as const).map((bound) => (
              <TextField
                key={bound}
                size="small"
                label={t(bound === 'from' ? 'list.dateFrom' : 'list.dateTo')}
                placeholder={t('list.datePlaceholder')}
                value={state[bound]}
                onChange={(event) => update({ [bound]: event.target.value })}
                error={dateError === bound}
                helperText={dateError === bound ? t('list.dateInvalid') : undefined}
                sx={{ width: 150 }}
              />
            ))}
          </Stack>
        )}
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
