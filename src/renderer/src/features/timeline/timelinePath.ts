/** The timeline's zoom levels, coarsest first. */
export const ZOOMS = ['decade', 'year', 'month'] as const;
export type Zoom = (typeof ZOOMS)[number];

/**
 * The address of the timeline at a zoom level and a year (and month), so other screens can open
 * it on the period they show: the dashboard's chart opens a year.
 */
export function timelinePath(view: { zoom: Zoom; year: number; month?: number }): string {
  const at =
    view.month === undefined
      ? String(view.year)
      : `${view.year}-${String(view.month).padStart(2, '0')}`;
  return `/timeline?zoom=${view.zoom}&at=${at}`;
}
