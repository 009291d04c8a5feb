import type * as z from 'zod';

/**
 * The first few issues of a refused parse, for the English log line of a refusal: each issue's
 * path (or `whole`, naming what the path starts from, when it is empty) and zod's message.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], whole: string): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || whole}: ${issue.message}`)
    .join('; ');
}
