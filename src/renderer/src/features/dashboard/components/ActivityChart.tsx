import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import type { ActivitySummary } from '../activity';
import { timelinePath } from '../../timeline/timelinePath';

type ActivityChartProps = {
  summary: ActivitySummary;
  /** Each group's name in the UI language. */
  labelOf: (group: string) => string;
  colorOf: (group: string) => string;
  /** What the chart shows, in a sentence, for screen readers (the table has the figures). */
  description: string;
};

const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 40 };
/** The narrowest a year's column gets; with few years the columns widen to fill this width. */
const MIN_STEP = 28;
const MIN_WIDTH = 640;

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= value) return factor * power;
  return 10 * power;
}

/**
 * Stacked bars of activity per year, one colour per group, drawn as plain SVG. It is an image to
 * assistive technology, named by a sentence; the same figures are in the table beside it. A bar
 * opens that year in the timeline.
 */
export function ActivityChart({ summary, labelOf, colorOf, description }: ActivityChartProps) {
  const navigate = useNavigate();
  const titleId = useId();
  const years = summary.years;
  const stackTotals = years.map((year) =>
    summary.groups.reduce((sum, group) => sum + (year.byGroup.get(group) ?? 0), 0),
  );
  const top = niceCeiling(Math.max(1, ...stackTotals));
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = Math.max(
    MIN_STEP,
    Math.floor((MIN_WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, years.length)),
  );
  const bar = Math.min(48, Math.round(step * 0.65));
  const width = MARGIN.left + years.length * step + MARGIN.right;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  // A four-digit year needs about 36 pixels; narrower columns label every other year.
  const labelEvery = step >= 36 ? 1 : 2;
  const ticks = [0, top / 2, top];

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        style={{ display: 'block', fontFamily: 'inherit', fontSize: 11 }}
        data-testid="activity-chart"
      >
        <title id={titleId}>{description}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#ccc"
              strokeWidth={1}
            />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fill="#555">
              {Number.isInteger(tick) ? tick : ''}
            </text>
          </g>
        ))}
        {years.map((year, index) => {
          const x = MARGIN.left + index * step + (step - bar) / 2;
          let base = 0;
          return (
            <g
              key={year.year}
              onClick={() => void navigate(timelinePath({ zoom: 'year', year: year.year }))}
              style={{ cursor: 'pointer' }}
              data-year={year.year}
            >
              {/* The whole column is the click target, not only the coloured part. */}
              <rect
                x={x - (step - bar) / 2}
                y={MARGIN.top}
                width={step}
                height={plotHeight}
                fill="transparent"
              />
              {summary.groups.map((group) => {
                const count = year.byGroup.get(group) ?? 0;
                if (count === 0) return null;
                const from = base;
                base += count;
                return (
                  <rect
                    key={group}
                    x={x}
                    y={y(base)}
                    width={bar}
                    height={y(from) - y(base)}
                    fill={colorOf(group)}
                  >
                    <title>{`${year.year} · ${labelOf(group)}: ${count}`}</title>
                  </rect>
                );
              })}
              {(labelEvery === 1 || year.year % labelEvery === 0) && (
                <text
                  x={x + bar / 2}
                  y={HEIGHT - MARGIN.bottom + 14}
                  textAnchor="middle"
                  fill="#333"
                >
                  {year.year}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Box
        component="ul"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', p: 0, m: 0, mt: 1 }}
        data-testid="activity-legend"
      >
        {summary.groups.map((group) => (
          <Box component="li" key={group} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box
              aria-hidden
              sx={{ width: 12, height: 12, bgcolor: colorOf(group), borderRadius: 0.5 }}
            />
            <Typography variant="body2">{labelOf(group)}</Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
