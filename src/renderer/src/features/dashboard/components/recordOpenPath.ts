import type { RecordKind } from '@shared/model/records';
import { recordEditPath, recordListPath, recordPath } from '../../../app/recordPaths';

/**
 * Where clicking a record on the dashboard leads: its page, or for kinds without one (follow-up
 * actions) its form, which is how their list opens them too.
 */
export function recordOpenPath(kind: RecordKind, id: string): string {
  return recordPath(kind, id) ?? recordEditPath(kind, id) ?? recordListPath(kind);
}
