import { describe, expect, it } from 'vitest';
import { buildSchemaFixture } from './schemaFixture';

/**
 * Not a check: the generator of tests/fixtures/schemas/v<N>.json, run on purpose by
 * `tests/fixtures/schemas/write-fixture.sh N` (vitest -u writes the file) when schema version N
 * ships. Skipped in every ordinary run.
 */
const version = Number((import.meta.env.VITE_WRITE_SCHEMA_FIXTURE as string | undefined) ?? '0');

describe('schema fixture generator', () => {
  it.skipIf(version === 0)(`writes tests/fixtures/schemas/v${version}.json`, async () => {
    const fixture = await buildSchemaFixture(version);
    await expect(`${JSON.stringify(fixture, null, 2)}\n`).toMatchFileSnapshot(
      `../../../../../tests/fixtures/schemas/v${version}.json`,
    );
  });
});
