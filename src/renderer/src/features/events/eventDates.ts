import { partialDateBounds, type PartialDate } from '@shared/model/partialDate';

/**
 * Whether an event's end date is certainly before its start, so the form can refuse it before
 * saving. Partial dates are compared by the days they may mean: an end that is only vaguer
 * ("December 2016" for a start on 5 December 2016) may still be right and is accepted. An unknown
 * or malformed date is not judged here; the model names malformed ones at their field.
 */
export function isEndBeforeStart(start: PartialDate | null, end: PartialDate | null): boolean {
  const startBounds = partialDateBounds(start);
  const endBounds = partialDateBounds(end);
  if (!startBounds || !endBounds) return false;
  return endBounds.last < startBounds.first;
}
