import {
  normalizeHeader,
  type ColumnMapping,
  type ImportMapping,
} from '@shared/import/guessMapping';
import { IMPORT_FIELD_IDS, isImportKind, type ImportKind } from '@shared/import/importFields';
import { LANGUAGES } from '@shared/model/localizedText';
import * as z from 'zod';
import type { RegistryDb } from '../../db/RegistryDb';

/** Where saved column mappings live: a meta entry, so no schema version is needed for them. */
export const SAVED_MAPPINGS_KEY = 'importMappings';

const savedMappingSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  kind: z.string().refine(isImportKind),
  /** By header text (folded), so a mapping fits next year's file with its columns reordered. */
  columns: z.array(
    z.object({
      header: z.string(),
      field: z.enum(IMPORT_FIELD_IDS).nullable(),
      language: z.enum(LANGUAGES),
    }),
  ),
  defaults: z.record(z.string(), z.string()),
  savedAt: z.string(),
});
export type SavedMapping = Omit<z.infer<typeof savedMappingSchema>, 'kind'> & { kind: ImportKind };

/** The saved mappings; an entry a newer or damaged version wrote is left out, not fatal. */
export async function listSavedMappings(db: RegistryDb): Promise<SavedMapping[]> {
  const stored = await db.meta.get(SAVED_MAPPINGS_KEY);
  const list = Array.isArray(stored?.value) ? (stored.value as unknown[]) : [];
  return list.flatMap((entry) => {
    const parsed = savedMappingSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Saves a mapping under a name, replacing one of the same kind and name. Headers are stored so
 * the mapping can be applied to any file that has them.
 */
export async function saveMapping(
  db: RegistryDb,
  name: string,
  headers: readonly string[],
  mapping: ImportMapping,
  now: Date,
): Promise<SavedMapping> {
  const saved: SavedMapping = {
    id: crypto.randomUUID(),
    name: name.trim(),
    kind: mapping.kind,
    columns: headers.map((header, index) => ({
      header: normalizeHeader(header),
      ...(mapping.columns[index] ?? { field: null, language: 'en' as const }),
    })),
    defaults: Object.fromEntries(
      Object.entries(mapping.defaults).flatMap(([field, value]) => (value ? [[field, value]] : [])),
    ),
    savedAt: now.toISOString(),
  };
  savedMappingSchema.parse(saved);
  await db.transaction('rw', db.meta, async () => {
    const others = (await listSavedMappings(db)).filter(
      (entry) =>
        !(entry.kind === saved.kind && entry.name.toLowerCase() === saved.name.toLowerCase()),
    );
    await db.meta.put({ key: SAVED_MAPPINGS_KEY, value: [...others, saved] });
  });
  return saved;
}

/** Deletes a saved mapping. */
export async function deleteSavedMapping(db: RegistryDb, id: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const kept = (await listSavedMappings(db)).filter((entry) => entry.id !== id);
    await db.meta.put({ key: SAVED_MAPPINGS_KEY, value: kept });
  });
}

/**
 * A saved mapping applied to a file's headers: each header takes the saved column's field and
 * language; headers the mapping does not know stay unmapped.
 */
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): ImportMapping {
  const byHeader = new Map(saved.columns.map((column) => [column.header, column]));
  const columns = headers.map((header): ColumnMapping => {
    const column = byHeader.get(normalizeHeader(header));
    return column
      ? { field: column.field, language: column.language }
      : { field: null, language: 'en' };
  });
  return { kind: saved.kind, columns, defaults: saved.defaults };
}

/** How many of a saved mapping's headers a file has: the best fit is offered first. */
export function savedMappingFit(saved: SavedMapping, headers: readonly string[]): number {
  const present = new Set(headers.map(normalizeHeader));
  return saved.columns.filter((column) => column.field !== null && present.has(column.header))
    .length;
}
