import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { BundleError } from '@shared/exchange/bundleFormat';
import { az } from '@shared/i18n/messages/az';
import { en } from '@shared/i18n/messages/en';
import { IpcCallError } from '../../ipc/registryClient';
import {
  describeBundleProblem,
  describeLoggedProblem,
  problemKey,
  refusedBundleFile,
} from './exchangeFlows';

async function translator(language: 'en' | 'az') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, az: { translation: az } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const ID = '33333333-3333-4333-8333-333333333333';

describe('describeBundleProblem', () => {
  it('names the ids a bundle carries twice, in the UI language', async () => {
    const error = new BundleError('duplicate-record', '…', { recordIds: [ID] });
    expect(describeBundleProblem(error, await translator('en'))).toBe(
      `The bundle carries the same record more than once (${ID}), which a bundle written by the app never does. Nothing was imported.`,
    );
    expect(describeBundleProblem(error, await translator('az'))).toContain(`(${ID})`);
  });

  it('names each clashing id with its kind here and in the bundle', async () => {
    const error = new BundleError('kind-clash', '…', {
      kindClashes: [{ id: ID, here: 'events', inBundle: 'people' }],
    });
    expect(describeBundleProblem(error, await translator('en'))).toContain(
      `${ID} (here: Meetings and visits; in the bundle: People)`,
    );
    expect(describeBundleProblem(error, await translator('az'))).toContain(
      `${ID} (burada: Görüşlər və səfərlər; paketdə: Şəxslər)`,
    );
  });

  it('names the key-derivation setting out of bounds and what is accepted', async () => {
    const error = new BundleError('unsafe-kdf', '…', {
      kdf: { setting: 'argon2idMemoryKiB', value: 1_024, min: 65_536, max: 262_144 },
    });
    expect(describeBundleProblem(error, await translator('en'))).toContain(
      'argon2idMemoryKiB = 1024, accepted 65536 to 262144',
    );
  });
});

describe('describeLoggedProblem', () => {
  it('reads whole from the code the log keeps, with no placeholder left', async () => {
    const t = await translator('en');
    for (const problem of ['duplicate-record', 'kind-clash', 'unsafe-kdf'] as const) {
      const text = describeLoggedProblem(problem, t);
      expect(text, problem).not.toMatch(/\{\{|\(\)|: \./);
    }
    expect(describeLoggedProblem('duplicate-record', t)).toBe(
      'The bundle carries the same record more than once, which a bundle written by the app never does. Nothing was imported.',
    );
    expect(describeLoggedProblem('constructor', t)).toBeNull();
  });
});

describe('problemKey', () => {
  it('knows the problems the log stores, and nothing inherited from Object', () => {
    expect(problemKey('kind-clash')).toBe('exchange.problem.kindClash');
    expect(problemKey('constructor')).toBeNull();
    expect(problemKey(null)).toBeNull();
  });
});

describe('refusedBundleFile', () => {
  it('names the file and the problem of a bundle main refused at the door', () => {
    expect(
      refusedBundleFile(
        new IpcCallError('invalid-data', 'x', {
          fileName: 'minutes.coopx',
          expected: 'coopx',
          bundleProblem: 'not-a-bundle',
        }),
      ),
    ).toEqual({ fileName: 'minutes.coopx', problem: 'not-a-bundle' });
    expect(
      refusedBundleFile(
        new IpcCallError('policy-forbids', 'x', {
          fileName: 'plain.coopx',
          setting: 'allowUnencryptedBundles',
          action: 'file:open',
        }),
      ),
    ).toEqual({ fileName: 'plain.coopx', problem: 'unencrypted-not-allowed' });
  });

  it('leaves other failures alone, and never takes an unknown problem for a known one', () => {
    expect(refusedBundleFile(new Error('x'))).toBeNull();
    expect(
      refusedBundleFile(new IpcCallError('too-large', 'x', { fileName: 'a.coopx' })),
    ).toBeNull();
    expect(
      refusedBundleFile(
        new IpcCallError('invalid-data', 'x', {
          fileName: 'a.coopx',
          bundleProblem: 'constructor',
        }),
      ),
    ).toBeNull();
  });
});
