import ClearIcon from '@mui/icons-material/Clear';
import SearchIcon from '@mui/icons-material/Search';
import {
  Autocomplete,
  Button,
  createFilterOptions,
  InputAdornment,
  Stack,
  TextField,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner, ThematicArea } from '@shared/model/records';
import { ariaKeyShortcuts, shortcutLabel } from '../../../ui/keyboard/matchesShortcut';
import { useFormat } from '../../../ui/useFormat';
import type { FacetDefinition, ListFacet } from '../listFacets';
import type { ListViewState } from '../listModel';
import type { ListKind } from '../columns';

type Option = { value: string; label: string };

type ListFiltersProps = {
  definition: FacetDefinition<ListKind>;
  state: ListViewState;
  onChange: (patch: Partial<ListViewState>) => void;
  /** Countries that occur in the list, for the country filter's options. */
  countries: readonly string[];
  partners: readonly Partner[];
  areas: readonly ThematicArea[];
  dateError: 'from' | 'to' | null;
  hasActiveFilters: boolean;
  filterRef: RefObject<HTMLInputElement | null>;
};

// Thousands of partners: the open list shows the first matches, typing narrows it.
const limitedFilter = createFilterOptions<Option>({ limit: 100 });

/**
 * The filter bar of a list: a text filter over every column and every language, a picker per
 * facet the kind offers, and a date range that accepts partial dates.
 */
export function ListFilters({
  definition,
  state,
  onChange,
  countries,
  partners,
  areas,
  dateError,
  hasActiveFilters,
  filterRef,
}: ListFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // The input answers at once; the URL (and the filtering) follows.
  const [text, setText] = useState(state.text);
  const lastSent = useRef(state.text);
  useEffect(() => {
    if (state.text !== lastSent.current) {
      lastSent.current = state.text;
      setText(state.text);
    }
  }, [state.text]);

  const options = useMemo(() => {
    const byLabel = (a: Option, b: Option) => format.compare(a.label, b.label);
    const result: Record<ListFacet, Option[]> = {
      kind: (definition.kinds ?? []).map((value) => ({
        value,
        label: definition.kindEnum ? t(`enums.${definition.kindEnum}.${value}` as never) : value,
      })),
      status: (definition.statuses ?? []).map((value) => ({
        value,
        label: definition.statusEnum
          ? t(`enums.${definition.statusEnum}.${value}` as never)
          : value,
      })),
      country: countries
        .map((code) => ({ value: code, label: format.country(code) }))
        .sort(byLabel),
      area: areas.map((area) => ({ value: area.id, label: format.text(area.name) })).sort(byLabel),
      partner: partners
        .map((partner) => {
          const acronym = format.text(partner.acronym);
          const name = format.text(partner.name);
          return { value: partner.id, label: acronym ? `${name} (${acronym})` : name };
        })
        .sort(byLabel),
    };
    return result;
  }, [definition, countries, areas, partners, format, t]);

  const setFacet = (facet: ListFacet, values: string[]) =>
    onChange({ facets: { ...state.facets, [facet]: values } });

  return (
    <Stack
      direction="row"
      useFlexGap
      sx={{ flexWrap: 'wrap', gap: 1.5, mb: 2, alignItems: 'flex-start' }}
      role="search"
      aria-label={t('list.filtersLabel')}
    >
      <TextField
        inputRef={filterRef}
        size="small"
        label={t('list.filter')}
        placeholder={t('shortcuts.filter', { keys: shortcutLabel('mod+f') })}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          lastSent.current = event.target.value;
          onChange({ text: event.target.value });
        }}
        sx={{ minWidth: 240 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
          htmlInput: { 'aria-keyshortcuts': ariaKeyShortcuts('mod+f') },
        }}
      />
      {definition.facets.map((facet) => {
        const facetOptions = options[facet];
        const byValue = new Map(facetOptions.map((option) => [option.value, option]));
        const value = state.facets[facet]
          .map((chosen) => byValue.get(chosen))
          .filter((option): option is Option => option !== undefined);
        return (
          <Autocomplete
            key={facet}
            multiple
            size="small"
            limitTags={2}
            options={facetOptions}
            value={value}
            filterOptions={facet === 'partner' ? limitedFilter : undefined}
            isOptionEqualToValue={(option, chosen) => option.value === chosen.value}
            getOptionLabel={(option) => option.label}
            onChange={(_event, chosen) =>
              setFacet(
                facet,
                chosen.map((option) => option.value),
              )
            }
            renderInput={(params) => <TextField {...params} label={t(`list.facets.${facet}`)} />}
            sx={{ minWidth: 200, maxWidth: 360 }}
            data-testid={`facet-${facet}`}
          />
        );
      })}
      {definition.hasDates && (
        <>
          <TextField
            size="small"
            label={t('list.dateFrom')}
            value={state.from}
            onChange={(event) => onChange({ from: event.target.value })}
            error={dateError === 'from'}
            helperText={dateError === 'from' ? t('list.dateInvalid') : undefined}
            placeholder={t('list.datePlaceholder')}
            sx={{ width: 150 }}
          />
          <TextField
            size="small"
            label={t('list.dateTo')}
            value={state.to}
            onChange={(event) => onChange({ to: event.target.value })}
            error={dateError === 'to'}
            helperText={dateError === 'to' ? t('list.dateInvalid') : undefined}
            placeholder={t('list.datePlaceholder')}
            sx={{ width: 150 }}
          />
        </>
      )}
      {hasActiveFilters && (
        <Button
          startIcon={<ClearIcon />}
          onClick={() => {
            setText('');
            lastSent.current = '';
            onChange({
              text: '',
              facets: { kind: [], status: [], country: [], area: [], partner: [] },
              from: '',
              to: '',
            });
          }}
          sx={{ alignSelf: 'center' }}
        >
          {t('list.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
