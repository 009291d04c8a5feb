import * as z from 'zod';

/**
 * Field-level version bookkeeping for merging registries that were edited apart.
 *
 * Every record keeps a version vector (device id → how many of that device's writes to this record
 * it reflects) and, per field, the dot (device, counter) of the write that last set it. A replica
 * "has seen" a dot when its vector covers it. Comparing dots against the other side's vector tells,
 * per field, whether one side's value supersedes the other's or both changed it independently,
 * without keeping a base copy: that is what makes applying a bundle twice a no-op and lets
 * non-conflicting bundles arrive in any order.
 */

/** One write: the device that made it and that device's counter for the record. */
export const dotSchema = z.object({ d: z.string().min(1).max(100), c: z.int().positive() });
export type Dot = z.output<typeof dotSchema>;

export const versionVectorSchema = z.record(z.string().min(1).max(100), z.int().nonnegative());
export type VersionVector = z.output<typeof versionVectorSchema>;

export const recordVersionSchema = z.object({
  vv: versionVectorSchema,
  dots: z.record(z.string().min(1).max(100), dotSchema),
});
/** A record's version: what it reflects (vv) and which write set each field (dots). */
export type RecordVersion = z.output<typeof recordVersionSchema>;

/** The pseudo-field holding the tombstone, merged like any field (with the delete/edit rule). */
export const DELETED_FIELD = 'deletedAt';

/** Whether a replica at `vv` reflects the write `dot`. A missing dot is seen by everyone. */
export function covers(vv: VersionVector, dot: Dot | undefined): boolean {
  return dot === undefined || (vv[dot.d] ?? 0) >= dot.c;
}

/** Whether `a` reflects every write `b` reflects. */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(b).every(([device, counter]) => (a[device] ?? 0) >= counter);
}

/** Everything either vector reflects. */
export function joinVectors(a: VersionVector, b: VersionVector): VersionVector {
  const joined: VersionVector = { ...a };
  for (const [device, counter] of Object.entries(b)) {
    joined[device] = Math.max(joined[device] ?? 0, counter);
  }
  return joined;
}

export function sameDot(a: Dot | undefined, b: Dot | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.d === b.d && a.c === b.c);
}

/** A total order on dots so both sides pick the same one when they agree on a value. */
export function maxDot(a: Dot | undefined, b: Dot | undefined): Dot | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.c !== b.c) return a.c > b.c ? a : b;
  return a.d >= b.d ? a : b;
}

/**
 * The version after a local write by `deviceId` that set `fields`: the device's counter grows by
 * one and each written field gets the new dot.
 */
export function bumpVersion(
  version: RecordVersion,
  deviceId: string,
  fields: Iterable<string>,
): RecordVersion {
  const counter = (version.vv[deviceId] ?? 0) + 1;
  const dots = { ...version.dots };
  for (const field of fields) dots[field] = { d: deviceId, c: counter };
  return { vv: { ...version.vv, [deviceId]: counter }, dots };
}

/** The version of a record whose history is unknown (rows written before versions were kept). */
export function versionFromRevision(
  fields: Iterable<string>,
  changedBy: string,
  rev: number,
): RecordVersion {
  const dot = { d: changedBy, c: rev };
  return {
    vv: { [changedBy]: rev },
    dots: Object.fromEntries([...fields].map((field) => [field, dot])),
  };
}

/** Structural equality for JSON-shaped values; undefined properties count as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
