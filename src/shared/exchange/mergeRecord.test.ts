import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRecordMerge, resolveConflict, type VersionedRecord } from './mergeRecord';
import { bumpVersion } from './versions';

const FIELDS = ['title', 'outcomes', 'startDate'] as const;
type Field = (typeof FIELDS)[number];

function base(id: string, device = 'hq'): VersionedRecord {
  return {
    record: {
      id,
      title: 'init',
      outcomes: 'init',
      startDate: 'init',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      rev: 1,
      changedBy: device,
      deletedAt: null,
    },
    version: bumpVersion({ vv: {}, dots: {} }, device, [...FIELDS]),
  };
}

function write(
  record: VersionedRecord,
  device: string,
  patch: Record<string, unknown>,
  at = '2026-02-01T00:00:00.000Z',
): VersionedRecord {
  return {
    record: {
      ...record.record,
      ...patch,
      rev: Number(record.record.rev) + 1,
      updatedAt: at,
      changedBy: device,
    },
    version: bumpVersion(record.version, device, Object.keys(patch)),
  };
}

describe('planRecordMerge', () => {
  it('merges edits to different fields of the same record on its own', () => {
    const common = base('e1');
    const traveller = write(common, 'laptop', { outcomes: 'Agreed a roadmap' });
    const hq = write(common, 'hq', { startDate: '2026-03-05' });
    const plan = planRecordMerge(hq, traveller);
    expect(plan.outcome).toBe('changed');
    if (plan.outcome !== 'changed') return;
    expect(plan.fields).toEqual(['outcomes']);
    expect(plan.result.record).toMatchObject({
      outcomes: 'Agreed a roadmap',
      startDate: '2026-03-05',
    });
    const back = planRecordMerge(traveller, plan.result);
    expect(back.outcome).toBe('changed');
    if (back.outcome !== 'changed') return;
    expect(back.result.record).toMatchObject({
      outcomes: 'Agreed a roadmap',
      startDate: '2026-03-05',
    });
  });

  it('shows the same field changed on both sides as a conflict, mine and theirs side by side', () => {
    const common = base('f1');
    const mine = write(common, 'hq', { title: 'Send the draft by May' });
    const theirs = write(common, 'laptop', { title: 'Send the draft by June' });
    const plan = planRecordMerge(mine, theirs);
    expect(plan.outcome).toBe('conflict');
    if (plan.outcome !== 'conflict') return;
    expect(plan.conflicts).toEqual([
      { field: 'title', mine: 'Send the draft by May', theirs: 'Send the draft by June' },
    ]);
    const resolved = resolveConflict(plan, { fields: { title: { choice: 'theirs' } } }, 'hq', 'x');
    expect(resolved.record.title).toBe('Send the draft by June');
    // The other side takes the decision without a new conflict.
    const back = planRecordMerge(theirs, resolved);
    expect(back.outcome).toBe('changed');
  });

  it('never resolves a delete on one side and an edit on the other silently', () => {
    const common = base('r1');
    const deleted = write(common, 'hq', { deletedAt: '2026-02-02T00:00:00.000Z' });
    const edited = write(common, 'laptop', { outcomes: 'New outcome' });
    const there = planRecordMerge(edited, deleted);
    expect(there).toMatchObject({ outcome: 'conflict', deletion: 'deleted-there' });
    if (there.outcome !== 'conflict') return;
    expect(there.merged.record.deletedAt).toBeNull();
    const here = planRecordMerge(deleted, edited);
    expect(here).toMatchObject({ outcome: 'conflict', deletion: 'deleted-here' });
    const kept = resolveConflict(there, { fields: {}, deletion: 'keep' }, 'laptop', 'x');
    expect(kept.record).toMatchObject({ deletedAt: null, outcomes: 'New outcome' });
    expect(planRecordMerge(deleted, kept).outcome).toBe('changed');
  });

  it('takes a delete the other side made after seeing every edit', () => {
    const common = base('r2');
    const edited = write(common, 'laptop', { outcomes: 'x' });
    const deleted = write(edited, 'hq', { deletedAt: '2026-02-03T00:00:00.000Z' });
    expect(planRecordMerge(edited, deleted).outcome).toBe('deleted');
  });
});

// ------------------------------------------------------------ random histories on 2–3 replicas

type Op =
  | { type: 'edit'; replica: number; record: number; field: Field }
  | { type: 'delete' | 'restore'; replica: number; record: number }
  | { type: 'sync'; from: number; to: number };

type Policy = { field: 'mine' | 'theirs' | 'edit'; deletion: 'keep' | 'delete' };

const RECORDS = ['r0', 'r1', 'r2'];

/** Ground truth kept apart from the merge code: which edits each replica knows, per field. */
type Truth = {
  known: Map<string, Set<string>>[];
  supersedes: Map<string, Set<string>>;
  decidedAgainst: Set<string>;
  /** Values a decision re-asserted over newer ones (mine over theirs, or the reverse). */
  decidedFor: Set<string>;
};

type World = { replicas: Map<string, VersionedRecord>[]; names: string[]; truth: Truth };

function newWorld(count: number): World {
  const names = ['hq', 'laptop', 'tablet'].slice(0, count);
  const replicas = names.map(() => new Map(RECORDS.map((id) => [id, base(id)])));
  const known = names.map(
    () => new Map(RECORDS.flatMap((id) => FIELDS.map((f) => [`${id}.${f}`, new Set(['init'])]))),
  );
  return {
    replicas,
    names,
    truth: {
      known,
      supersedes: new Map(),
      decidedAgainst: new Set(),
      decidedFor: new Set(),
    },
  };
}

let tokenCounter = 0;
const nextTime = () => new Date(Date.UTC(2026, 5, 1) + ++tokenCounter * 1000).toISOString();

function sync(world: World, from: number, to: number, policy: Policy) {
  const source = world.replicas[from];
  const target = world.replicas[to];
  if (!source || !target) return { conflicts: 0, applied: 0 };
  const device = world.names[to] ?? '?';
  let conflicts = 0;
  let applied = 0;
  for (const [id, remote] of source) {
    const plan = planRecordMerge(target.get(id), remote);
    if (plan.outcome === 'unchanged') continue;
    applied += 1;
    if (plan.outcome !== 'conflict') {
      target.set(id, plan.result);
    } else {
      conflicts += 1;
      const fields: Record<
        string,
        { choice: 'mine' | 'theirs' } | { choice: 'edit'; value: string }
      > = {};
      for (const conflict of plan.conflicts) {
        if (policy.field === 'edit') {
          const token = `t${++tokenCounter}`;
          fields[conflict.field] = { choice: 'edit', value: token };
          const known = world.truth.known[to]?.get(`${id}.${conflict.field}`);
          const other = world.truth.known[from]?.get(`${id}.${conflict.field}`);
          const seen = new Set([...(known ?? []), ...(other ?? [])]);
          world.truth.supersedes.set(token, seen);
          known?.add(token);
        } else {
          fields[conflict.field] = { choice: policy.field };
          const loser = policy.field === 'mine' ? conflict.theirs : conflict.mine;
          const winner = policy.field === 'mine' ? conflict.mine : conflict.theirs;
          world.truth.decidedAgainst.add(String(loser));
          world.truth.decidedFor.add(String(winner));
        }
      }
      target.set(
        id,
        resolveConflict(plan, { fields, deletion: policy.deletion }, device, nextTime()),
      );
    }
    for (const field of FIELDS) {
      const key = `${id}.${field}`;
      for (const token of world.truth.known[from]?.get(key) ?? []) {
        world.truth.known[to]?.get(key)?.add(token);
      }
    }
  }
  return { conflicts, applied };
}

function run(world: World, op: Op, policy: Policy) {
  if (op.type === 'sync') {
    if (op.from !== op.to) sync(world, op.from, op.to, policy);
    return;
  }
  const replica = world.replicas[op.replica];
  const device = world.names[op.replica] ?? '?';
  const id = RECORDS[op.record] ?? 'r0';
  const current = replica?.get(id);
  if (!replica || !current) return;
  const isDeleted = current.record.deletedAt !== null;
  if (op.type === 'edit') {
    if (isDeleted) return; // the app refuses edits to records in Trash
    const token = `t${++tokenCounter}`;
    const key = `${id}.${op.field}`;
    const known = world.truth.known[op.replica]?.get(key);
    world.truth.supersedes.set(token, new Set(known));
    known?.add(token);
    replica.set(id, write(current, device, { [op.field]: token }, nextTime()));
  } else if (op.type === 'delete' && !isDeleted) {
    replica.set(id, write(current, device, { deletedAt: nextTime() }, nextTime()));
  } else if (op.type === 'restore' && isDeleted) {
    replica.set(id, write(current, device, { deletedAt: null }, nextTime()));
  }
}

const opArbitrary = (replicas: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        replica: fc.nat(replicas - 1),
        record: fc.nat(RECORDS.length - 1),
        field: fc.constantFrom(...FIELDS),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom('delete' as const, 'restore' as const),
        replica: fc.nat(replicas - 1),
        record: fc.nat(RECORDS.length - 1),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('sync' as const),
        from: fc.nat(replicas - 1),
        to: fc.nat(replicas - 1),
      }),
    },
  );

const policyArbitrary: fc.Arbitrary<Policy> = fc.record({
  field: fc.constantFrom('mine' as const, 'theirs' as const, 'edit' as const),
  deletion: fc.constantFrom('keep' as const, 'delete' as const),
});

function stateOf(replica: Map<string, VersionedRecord>) {
  return [...replica.values()].map(({ record, version }) => {
    return { ...record, rev: 0, version };
  });
}

function checkNothingLost(world: World, replicaIndex: number) {
  const replica = world.replicas[replicaIndex];
  for (const [id, current] of replica ?? []) {
    for (const field of FIELDS) {
      const known = world.truth.known[replicaIndex]?.get(`${id}.${field}`) ?? new Set();
      const maximal = [...known].filter(
        (token) => ![...known].some((other) => world.truth.supersedes.get(other)?.has(token)),
      );
      const value = String(current.record[field]);
      if (!world.truth.decidedFor.has(value)) expect(maximal).toContain(value);
      for (const token of maximal) {
        if (token !== value) expect(world.truth.decidedAgainst).toContain(token);
      }
    }
  }
}

describe('merging random histories', () => {
  it('re-applying a bundle is a no-op', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary(3), { maxLength: 40 }), policyArbitrary, (ops, policy) => {
        const world = newWorld(3);
        for (const op of ops) run(world, op, policy);
        sync(world, 1, 0, policy);
        const after = JSON.stringify(
          stateOf(world.replicas[0] ?? new Map<string, VersionedRecord>()),
        );
        expect(sync(world, 1, 0, policy).applied).toBe(0);
        expect(
          JSON.stringify(stateOf(world.replicas[0] ?? new Map<string, VersionedRecord>())),
        ).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('bundles from two peers applied in either order give the same registry when they do not conflict', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary(3), { maxLength: 40 }), policyArbitrary, (ops, policy) => {
        const world = newWorld(3);
        for (const op of ops) run(world, op, policy);
        const snapshot = (w: World) => w.replicas.map((r) => new Map(r));
        const replay = (order: [number, number]) => {
          const copy: World = {
            ...world,
            replicas: snapshot(world),
            truth: cloneTruth(world.truth),
          };
          let conflicts = 0;
          for (const from of order) conflicts += sync(copy, from, 0, policy).conflicts;
          return {
            state: stateOf(copy.replicas[0] ?? new Map<string, VersionedRecord>()),
            conflicts,
          };
        };
        const one = replay([1, 2]);
        const other = replay([2, 1]);
        fc.pre(one.conflicts === 0 && other.conflicts === 0);
        expect(one.state).toEqual(other.state);
      }),
      { numRuns: 500 },
    );
  });

  it('no edit is lost unless a conflict was decided against it, and a full round makes every replica equal', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((count) =>
            fc.tuple(fc.constant(count), fc.array(opArbitrary(count), { maxLength: 50 })),
          ),
        policyArbitrary,
        ([count, ops], policy) => {
          const world = newWorld(count);
          for (const op of ops) {
            run(world, op, policy);
            if (op.type === 'sync' && op.from !== op.to) checkNothingLost(world, op.to);
          }
          // Everyone sends to hq, then hq sends back: every replica ends equal.
          for (let index = 1; index < count; index += 1) sync(world, index, 0, policy);
          checkNothingLost(world, 0);
          for (let index = 1; index < count; index += 1) {
            expect(sync(world, 0, index, policy).conflicts).toBe(0);
            checkNothingLost(world, index);
          }
          const hq = stateOf(world.replicas[0] ?? new Map<string, VersionedRecord>());
          for (let index = 1; index < count; index += 1) {
            expect(stateOf(world.replicas[index] ?? new Map<string, VersionedRecord>())).toEqual(
              hq,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

function cloneTruth(truth: Truth): Truth {
  return {
    known: truth.known.map((map) => new Map([...map].map(([key, set]) => [key, new Set(set)]))),
    supersedes: new Map(truth.supersedes),
    decidedAgainst: new Set(truth.decidedAgainst),
    decidedFor: new Set(truth.decidedFor),
  };
}
