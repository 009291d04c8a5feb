import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind, type StoredRecord } from '../model/records';
import { registrySnapshotSchema, SNAPSHOT_FORMAT } from '../model/registrySnapshot';
import { buildSnapshot, encodeSnapshot } from './json';

const SAMPLE_URL = new URL('../../../resources/sample-registry.json', import.meta.url);
const sample = registrySnapshotSchema.parse(JSON.parse(readFileSync(SAMPLE_URL, 'utf8')));

/** A sample record as the database holds it: content plus change metadata. */
function stored<K extends RecordKind>(kind: K): StoredRecord<K>[] {
  return (sample.records[kind] as unknown as StoredRecord<K>[]).map((record, index) => ({
    ...record,
    createdAt: '2026-11-01T08:00:00.000Z',
    updatedAt: '2026-11-27T14:03:00.000Z',
    rev: index + 2,
    changedBy: 'c0ffee00-0000-4000-8000-000000000001',
    deletedAt: null,
  }));
}

/** Reads the exported bytes the way an import would: UTF-8 text, JSON, the snapshot schema. */
function readBack(bytes: Uint8Array) {
  return registrySnapshotSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}

describe('buildSnapshot', () => {
  it.each(RECORD_KINDS)('round-trips %s through the snapshot schema unchanged', (kind) => {
    const records = stored(kind);
    const back = readBack(encodeSnapshot(buildSnapshot(kind, records, 'Export')));
    expect(back.records[kind]).toEqual(sample.records[kind]);
  });

  it('keeps the list order and leaves change metadata and other kinds out', () => {
    const events = stored('events').reverse();
    const snapshot = buildSnapshot('events', events, 'Meetings and visits 2026-11-27');
    const text = new TextDecoder().decode(encodeSnapshot(snapshot));
    const back = readBack(encodeSnapshot(snapshot));
    expect(back.format).toBe(SNAPSHOT_FORMAT);
    expect(back.title).toBe('Meetings and visits 2026-11-27');
    expect(back.records.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
    for (const kind of RECORD_KINDS) {
      if (kind !== 'events') expect(back.records[kind]).toEqual([]);
    }
    for (const field of ['createdAt', 'updatedAt', 'rev', 'changedBy', 'deletedAt']) {
      expect(text).not.toContain(`"${field}"`);
    }
    // Azerbaijani and Russian stay readable, not \u-escaped.
    expect(text).toContain('Beynəlxalq Miqrasiya Təşkilatı Şurasının 107-ci sessiyası');
    expect(text).toContain('Совета Международной организации по миграции');
  });
});
