import { useMemo } from 'react';
import { useLiveRecords, useRecordsById } from '../records/queries';
import {
  activityGrouper,
  agreementActivities,
  eventActivities,
  projectActivities,
  summarizeActivity,
  type ActivityGrouping,
  type ActivitySummary,
} from './activity';
import { useEventActivityKeys } from './queries';

const NO_AREAS: readonly string[] = [];

/**
 * Activity per year for the chart: events from their index keys (the biggest table is never
 * loaded), agreement steps and project starts from the in-memory caches of those smaller kinds,
 * partners and areas from theirs. Undefined until all of it has arrived.
 */
export function useActivitySummary(grouping: ActivityGrouping): ActivitySummary | undefined {
  const partners = useRecordsById('partners');
  const areas = useLiveRecords('areas');
  const agreements = useLiveRecords('agreements');
  const projects = useLiveRecords('projects');
  const areaIds = useMemo(() => areas?.map((area) => area.id), [areas]);
  const keys = useEventActivityKeys(grouping, grouping === 'area' ? areaIds : NO_AREAS);
  return useMemo(() => {
    if (!partners || !agreements || !projects || !keys) return undefined;
    const groupsOf = activityGrouper(grouping, partners);
    const steps = agreementActivities(agreements, groupsOf);
    const starts = projectActivities(projects, groupsOf);
    return summarizeActivity(
      [...eventActivities(keys, groupsOf), ...steps.activities, ...starts.activities],
      { undated: keys.undated + steps.undated + starts.undated },
    );
  }, [grouping, partners, agreements, projects, keys]);
}
