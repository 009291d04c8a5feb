import type { LocalizedText } from '@shared/model/localizedText';
import type { RecordKind, StoredRecord } from '@shared/model/records';

/** The text that names a record of any kind: its name, its title, or (tags) its label. */
export function recordLabel(record: StoredRecord<RecordKind>): LocalizedText | string {
  if ('name' in record) return record.name;
  if ('title' in record) return record.title;
  return record.label;
}
