import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  policyReportSchema,
  POLICY_SETTING_KEYS,
  SECURITY_SETTING_KEYS,
  type PolicyReport,
} from '@shared/model/policy';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters, withinTimeLimit } from '@shared/testing/fuzz';
import { readPolicy, type PolicyReadOptions } from './policyService';

/**
 * The reliability suite for the machine policy file (issue 9): IT writes it by hand, so any bytes
 * may be there. readPolicy never throws; its report always passes the policy:get contract, and a
 * file that cannot be used says why in a problem that names policy.json or the key concerned.
 * Issue 14: whatever the bytes, no security setting is ever less restrictive than IT wrote it; a
 * file or a security setting the app cannot understand fails closed.
 */

/** The security settings at their most restrictive, written out rather than imported. */
const CLOSED = {
  readOnly: { value: true, isEnforced: true },
  allowedExportFormats: { value: [], isEnforced: true },
  allowUnencryptedBundles: { value: false, isEnforced: true },
};

/** Misspellings IT might make of the security settings' keys. */
const MISSPELLED_SECURITY_KEYS = [
  'readonly',
  'Read_Only',
  'ALLOWEDEXPORTFORMATS',
  'allow-unencrypted-bundles',
];

let folder: string;
let options: PolicyReadOptions;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'policy-fuzz-'));
  options = {
    filePath: join(folder, 'policy.json'),
    platform: 'linux',
    env: { HOME: '/home/officer', XDG_DATA_HOME: '/home/officer/.local/share' },
  };
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readBytes(bytes: Uint8Array | string) {
  await writeFile(options.filePath, bytes);
  const report = await withinTimeLimit('readPolicy', () => readPolicy(options));
  expect(policyReportSchema.safeParse(report).success).toBe(true);
  return report;
}

describe('the machine policy file, fuzzed', () => {
  it(
    'fails random bytes closed, naming policy.json and the error',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
          const report = await readBytes(bytes);
          // Random bytes are almost never a JSON object with settings; when they are, the
          // property below covers them.
          if (report.source.status === 'unreadable') {
            expect(report.settings).toEqual(CLOSED);
            expect(report.problems[0]).toMatch(/^(policy\.json |\(root\)|settings: )/);
            expect(report.problems[1]).toMatch(/security settings fail closed/);
          }
        }),
        fuzzParameters('policyRandomBytes'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'keeps to known settings for any JSON under any key, and names every problem',
    async () => {
      const entry = fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            value: fc.jsonValue(),
            enforced: fc.oneof(fc.boolean(), fc.jsonValue()),
            $comment: fc.string(),
          },
          { requiredKeys: [] },
        ),
      );
      const settings = fc.dictionary(
        fc.oneof(
          fc.constantFrom(...POLICY_SETTING_KEYS),
          fc.constantFrom(...MISSPELLED_SECURITY_KEYS),
          fc.string({ maxLength: 20 }),
        ),
        entry,
        { maxKeys: 12 },
      );
      const file = fc.record(
        {
          version: fc.oneof(fc.constant(1), fc.jsonValue()),
          settings: fc.oneof(settings, fc.jsonValue()),
          $comment: fc.string(),
          extra: fc.jsonValue(),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(file, fc.boolean(), async (json, hasBom) => {
          const report = await readBytes(`${hasBom ? '\uFEFF' : ''}${JSON.stringify(json)}`);
          for (const key of Object.keys(report.settings))
            expect(POLICY_SETTING_KEYS).toContain(key);
          // A problem-free report applied everything it was given; one with problems says so.
          if (report.problems.length === 0) expect(report.source.status).toBe('applied');
          else expect(['partly-applied', 'invalid', 'unreadable']).toContain(report.source.status);
          const hasSettingsObject =
            typeof json.settings === 'object' &&
            json.settings !== null &&
            !Array.isArray(json.settings);
          if (!hasSettingsObject) {
            expect(report.source.status).toBe('unreadable');
            expect(report.settings).toEqual(CLOSED);
          }
          expectSecuritySettingsAsWrittenOrClosed(report);
        }),
        fuzzParameters('policyRandomSettings'),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

/**
 * Each security setting is either absent, applied exactly as the file wrote it with nothing
 * reported about it (list items aside: dropping one allows less), or at its most restrictive.
 */
function expectSecuritySettingsAsWrittenOrClosed(report: PolicyReport): void {
  for (const key of SECURITY_SETTING_KEYS) {
    const setting = report.settings[key];
    const isReported = report.problems.some(
      (problem) =>
        problem.startsWith(`settings.${key}:`) ||
        (problem.startsWith(`settings.${key}.`) && !problem.startsWith(`settings.${key}.value[`)) ||
        problem.includes(`but it names ${key};`),
    );
    if (isReported || report.source.status === 'unreadable') {
      expect(setting, key).toEqual(CLOSED[key]);
    }
  }
}
