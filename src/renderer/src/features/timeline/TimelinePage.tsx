import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ClearIcon from '@mui/icons-material/Clear';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import {
  Autocomplete,
  Box,
  Button,
  createFilterOptions,
  IconButton,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useEffectEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { comparePartialDates, partialDateBounds } from '@shared/model/partialDate';
import type { Partner, ThematicArea } from '@shared/model/records';
import { isInsideModal } from '../../ui/keyboard/isInsideOpenPopup';
import { todayIso } from '../../ui/todayIso';
import { useFormat } from '../../ui/useFormat';
import { useLiveRecords, useRecordsById } from '../records/queries';
import { TimelineDrawing } from './components/TimelineDrawing';
import { TimelineList } from './components/TimelineList';
import { TYPE_COLORS } from './components/itemText';
import { useEventCountries, useLatestEventStart, useTimelineEvents } from './queries';
import {
  agreementItems,
  anchorOf,
  coarserZoom,
  compareItems,
  eventItems,
  finerZoom,
  groupTimeline,
  isInPeriod,
  itemSpan,
  layoutTimeline,
  matchesFilter,
  parseTimelineView,
  periodOf,
  projectItems,
  serializeTimelineView,
  shiftAnchor,
  type Anchor,
  type Period,
  type TimelineFilter,
  type TimelineItem,
  type TimelineView,
} from './timelineModel';
import { ZOOMS, type Zoom } from './timelinePath';

/** More than this in one period and the list shows the first ones and asks to zoom or filter. */
const MAX_LISTED = 2000;
/** The share of the drawing's width each moment keeps for its label. */
const LABEL_WIDTH = 0.1;

const ZOOM_LABEL_KEYS = {
  decade: 'timeline.decade',
  year: 'timeline.year',
  month: 'timeline.month',
} as const;

const PREVIOUS_KEYS = {
  decade: 'timeline.previousDecade',
  year: 'timeline.previousYear',
  month: 'timeline.previousMonth',
} as const;

const NEXT_KEYS = {
  decade: 'timeline.nextDecade',
  year: 'timeline.nextYear',
  month: 'timeline.nextMonth',
} as const;

/**
 * One chronological view of the cooperation: meetings, agreement steps, and project starts and
 * ends, for a decade, a year or a month, narrowed to a partner, a country or a thematic area.
 * Opens on the latest activity up to today; the view lives in the address, so coming back from a
 * record finds it as it was.
 */
export function TimelinePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = parseTimelineView(params);
  const today = todayIso();
  const partners = useRecordsById('partners');
  const agreements = useLiveRecords('agreements');
  const projects = useLiveRecords('projects');
  const latestEvent = useLatestEventStart(today);

  // Agreements and projects are held in memory (smaller kinds); meetings are read per period.
  const cachedItems = useMemo(
    () =>
      partners && agreements && projects
        ? [...agreementItems(agreements, partners), ...projectItems(projects, partners)]
        : undefined,
    [partners, agreements, projects],
  );
  const latestAnchor = useMemo(() => {
    if (!cachedItems || latestEvent === undefined) return undefined;
    let latest = latestEvent;
    for (const item of cachedItems) {
      const first = partialDateBounds(item.date)?.first;
      if (
        first &&
        first <= today &&
        (latest === null || comparePartialDates(item.date, latest) > 0)
      ) {
        latest = item.date;
      }
    }
    return anchorOf(latest ?? today);
  }, [cachedItems, latestEvent, today]);

  const anchor = view.anchor ?? latestAnchor;
  if (!anchor || !cachedItems || !partners) {
    return (
      <Box>
        <Typography variant="h4" component="h1" gutterBottom>
          {t('timeline.title')}
        </Typography>
        <Typography role="status">{t('common.loading')}</Typography>
      </Box>
    );
  }
  return (
    <TimelineScreen
      view={{ ...view, anchor }}
      anchor={anchor}
      today={today}
      cachedItems={cachedItems}
      partners={partners}
      onChange={(next) => setParams(serializeTimelineView(next), { replace: true })}
    />
  );
}

type TimelineScreenProps = {
  view: TimelineView;
  anchor: Anchor;
  today: string;
  cachedItems: readonly TimelineItem[];
  partners: ReadonlyMap<string, Partner>;
  onChange: (view: TimelineView) => void;
};

function TimelineScreen({
  view,
  anchor,
  today,
  cachedItems,
  partners,
  onChange,
}: TimelineScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { zoom } = view;
  const { year, month } = anchor;
  const period = useMemo(() => periodOf(zoom, { year, month }), [zoom, year, month]);
  const { partnerId, country, areaId } = view.filter;
  const filter = useMemo(() => ({ partnerId, country, areaId }), [partnerId, country, areaId]);
  const events = useTimelineEvents(period, partnerId);
  const items = useMemo(
    () =>
      [...eventItems(events ?? [], partners), ...cachedItems]
        .filter((item) => isInPeriod(item, period) && matchesFilter(item, filter))
        .sort(compareItems),
    [events, partners, cachedItems, period, filter],
  );
  const listed = useMemo(() => items.slice(0, MAX_LISTED), [items]);
  const layout = useMemo(
    () => layoutTimeline(listed, period, { minWidth: LABEL_WIDTH }),
    [listed, period],
  );
  const groups = useMemo(() => groupTimeline(listed, period), [listed, period]);

  const periodLabel = formatPeriod(period, format.date);
  const set = (patch: Partial<TimelineView>) => onChange({ ...view, ...patch });
  const zoomTo = (zoom: Zoom | null, nextAnchor: Anchor = anchor) => {
    if (zoom) set({ zoom, anchor: nextAnchor });
  };
  const zoomIn = () => zoomTo(finerZoom(view.zoom), zoomInAnchor(items, period));
  const zoomOut = () => zoomTo(coarserZoom(view.zoom));
  const handleKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isEditable(event.target) || isInsideModal(event.target)) return;
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomIn();
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      zoomOut();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handleKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const hasFilter = partnerId !== null || country !== null || areaId !== null;

  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('timeline.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('timeline.intro')}
      </Typography>
      <TimelineFilters
        filter={view.filter}
        partners={partners}
        onChange={(filter) => set({ filter })}
        hasFilter={hasFilter}
      />
      <Stack
        direction="row"
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 2 }}
      >
        <IconButton
          aria-label={t(PREVIOUS_KEYS[view.zoom])}
          onClick={() => set({ anchor: shiftAnchor(view.zoom, anchor, -1) })}
        >
          <ChevronLeftIcon />
        </IconButton>
        <Typography
          variant="h5"
          component="h2"
          sx={{ minWidth: 180, textAlign: 'center' }}
          data-testid="timeline-period"
        >
          {periodLabel}
        </Typography>
        <IconButton
          aria-label={t(NEXT_KEYS[view.zoom])}
          onClick={() => set({ anchor: shiftAnchor(view.zoom, anchor, 1) })}
        >
          <ChevronRightIcon />
        </IconButton>
        <Button onClick={() => set({ anchor: anchorOf(today) })}>{t('timeline.today')}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Tooltip title={t('timeline.zoomOutKey')}>
          <span>
            <IconButton
              aria-label={t('timeline.zoomOut')}
              aria-keyshortcuts="-"
              disabled={coarserZoom(view.zoom) === null}
              onClick={zoomOut}
            >
              <ZoomOutIcon />
            </IconButton>
          </span>
        </Tooltip>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view.zoom}
          aria-label={t('timeline.zoomLevel')}
          onChange={(_event, zoom: Zoom | null) => zoomTo(zoom)}
          // On paper, not the page's tint, so unselected labels keep their contrast.
          sx={{ bgcolor: 'background.paper' }}
        >
          {ZOOMS.map((zoom) => (
            <ToggleButton key={zoom} value={zoom}>
              {t(ZOOM_LABEL_KEYS[zoom])}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Tooltip title={t('timeline.zoomInKey')}>
          <span>
            <IconButton
              aria-label={t('timeline.zoomIn')}
              aria-keyshortcuts="Plus"
              disabled={finerZoom(view.zoom) === null}
              onClick={zoomIn}
            >
              <ZoomInIcon />
            </IconButton>
          </span>
        </Tooltip>
      </Stack>
      <Legend />
      {events === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : items.length === 0 ? (
        <Typography color="text.secondary" sx={{ my: 3 }} data-testid="timeline-empty">
          {hasFilter
            ? t('timeline.emptyFiltered', { period: periodLabel })
            : t('timeline.empty', { period: periodLabel })}
        </Typography>
      ) : (
        <>
          <TimelineDrawing
            period={period}
            layout={layout}
            minWidth={LABEL_WIDTH}
            today={today}
            onZoomInto={
              finerZoom(view.zoom) ? (date) => zoomTo(finerZoom(view.zoom), anchorOf(date)) : null
            }
          />
          <Typography role="status" sx={{ mb: 1 }} data-testid="timeline-count">
            {t('timeline.itemCount', { count: items.length, period: periodLabel })}
          </Typography>
          {layout.unplacedCount > 0 && (
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {t('timeline.drawingLimited', {
                total: items.length,
                shown: items.length - layout.unplacedCount,
              })}
            </Typography>
          )}
          {items.length > MAX_LISTED && (
            <Typography color="warning.dark" sx={{ mb: 1 }}>
              {t('timeline.truncated', { total: items.length, shown: MAX_LISTED })}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('timeline.keysHint')}
          </Typography>
          <TimelineList groups={groups} label={t('timeline.listLabel', { period: periodLabel })} />
        </>
      )}
    </Box>
  );
}

/** The period as a heading: "2010–2019", "2016", "December 2016". */
function formatPeriod(period: Period, formatDate: (date: string) => string): string {
  if (period.zoom === 'decade') return `${period.key}–${period.last.slice(0, 4)}`;
  return formatDate(period.key);
}

/**
 * Where zooming in lands: the anchor's own year or month when it holds something, otherwise the
 * first one of the period that does, so zooming in never opens on an empty stretch needlessly.
 */
function zoomInAnchor(items: readonly TimelineItem[], period: Period): Anchor {
  const finer = finerZoom(period.zoom);
  if (!finer) return period.anchor;
  const own = periodOf(finer, period.anchor);
  if (items.some((item) => isInPeriod(item, own))) return period.anchor;
  const first = items[0];
  if (!first) return period.anchor;
  const day = itemSpan(first).first;
  return anchorOf(day < period.first ? period.first : day);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function Legend() {
  const { t } = useTranslation();
  const entries = [
    { color: TYPE_COLORS.event, label: t('timeline.legendEvents') },
    { color: TYPE_COLORS.agreementStep, label: t('timeline.legendSteps') },
    { color: TYPE_COLORS.projectStart, label: t('timeline.legendProjects') },
  ];
  return (
    <Box
      component="ul"
      aria-label={t('timeline.legend')}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, m: 0, mb: 1 }}
    >
      {entries.map((entry) => (
        <Box
          component="li"
          key={entry.label}
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}
        >
          <Box
            aria-hidden
            sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: entry.color }}
          />
          <Typography variant="body2">{entry.label}</Typography>
        </Box>
      ))}
      <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box
          aria-hidden
          sx={{
            width: 18,
            height: 8,
            border: '2px dashed',
            borderColor: 'text.secondary',
            borderRadius: 0.5,
          }}
        />
        <Typography variant="body2">{t('timeline.legendApproximate')}</Typography>
      </Box>
    </Box>
  );
}

type Option = { value: string; label: string };
const limitedFilter = createFilterOptions<Option>({ limit: 100 });

type TimelineFiltersProps = {
  filter: TimelineFilter;
  partners: ReadonlyMap<string, Partner>;
  onChange: (filter: TimelineFilter) => void;
  hasFilter: boolean;
};

/** One partner, one country, one thematic area; each narrows the timeline to what it names. */
function TimelineFilters({ filter, partners, onChange, hasFilter }: TimelineFiltersProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const areas = useLiveRecords('areas');
  const eventCountries = useEventCountries();
  const options = useMemo(() => {
    const byLabel = (a: Option, b: Option) => format.compare(a.label, b.label);
    const partnerOptions = [...partners.values()].map((partner: Partner) => {
      const name = format.text(partner.name);
      const acronym = format.text(partner.acronym);
      return { value: partner.id, label: acronym ? `${name} (${acronym})` : name };
    });
    const countries = new Set(eventCountries ?? []);
    for (const partner of partners.values())
      if (partner.countryCode) countries.add(partner.countryCode);
    return {
      partner: partnerOptions.sort(byLabel),
      country: [...countries]
        .map((code) => ({ value: code, label: format.country(code) }))
        .sort(byLabel),
      area: (areas ?? [])
        .map((area: ThematicArea) => ({ value: area.id, label: format.text(area.name) }))
        .sort(byLabel),
    };
  }, [partners, eventCountries, areas, format]);

  const picker = (
    facet: 'partner' | 'country' | 'area',
    value: string | null,
    apply: (value: string | null) => TimelineFilter,
  ) => (
    <Autocomplete
      size="small"
      options={options[facet]}
      value={options[facet].find((option) => option.value === value) ?? null}
      filterOptions={facet === 'partner' ? limitedFilter : undefined}
      isOptionEqualToValue={(option, chosen) => option.value === chosen.value}
      getOptionLabel={(option) => option.label}
      onChange={(_event, chosen) => onChange(apply(chosen?.value ?? null))}
      renderInput={(inputParams) => <TextField {...inputParams} label={t(`timeline.${facet}`)} />}
      sx={{ minWidth: 220, maxWidth: 380, flexGrow: 1 }}
      data-testid={`timeline-filter-${facet}`}
    />
  );

  return (
    <Stack
      direction="row"
      useFlexGap
      role="search"
      aria-label={t('timeline.filtersLabel')}
      sx={{ flexWrap: 'wrap', gap: 1.5, mb: 2, alignItems: 'center' }}
    >
      {picker('partner', filter.partnerId, (partnerId) => ({ ...filter, partnerId }))}
      {picker('country', filter.country, (country) => ({ ...filter, country }))}
      {picker('area', filter.areaId, (areaId) => ({ ...filter, areaId }))}
      {hasFilter && (
        <Button
          startIcon={<ClearIcon />}
          onClick={() => onChange({ partnerId: null, country: null, areaId: null })}
        >
          {t('timeline.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
