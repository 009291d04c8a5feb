import { readFile } from 'node:fs/promises';
import type * as z from 'zod';

/** What reading a JSON file against a schema gave: callers decide how bad each case is. */
export type JsonFileResult<T> =
  { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'invalid'; problem: string };

/** The first few schema problems as one line, each with the field it concerns. */
export function describeZodIssues(error: z.ZodError, limit = 5): string {
  const shown = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/**
 * Reads and validates a JSON file without throwing for the expected failures (no file, broken
 * JSON, wrong shape), so a damaged settings file degrades to defaults instead of a crash.
 */
export async function readJsonFile<S extends z.ZodType>(
  filePath: string,
  schema: S,
): Promise<JsonFileResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'invalid', problem: `cannot be read (${describeError(error)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', problem: `is not valid JSON (${describeError(error)})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problem: `does not match its format: ${describeZodIssues(parsed.error)}`,
    };
  }
  return { kind: 'ok', value: parsed.data };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
