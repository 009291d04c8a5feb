import type { TFunction } from 'i18next';
import type { MutationError } from '../../db/changeTracking';

/**
 * Turns the field problems a refused write reports into translated messages by top-level field.
 * The model's own (English) messages stay in the log; the form shows what the user can act on.
 */
export function fieldErrors(error: MutationError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (errors[field]) continue;
    errors[field] = messageFor(field, issue.message, t);
  }
  return errors;
}

function messageFor(field: string, message: string, t: TFunction): string {
  if (/at least one language/i.test(message)) return t('form.errors.textRequired');
  if (/country code/i.test(message)) return t('form.errors.country');
  if (/lower-case code/i.test(message)) return t('form.errors.code');
  if (/date/i.test(message)) return t('form.errors.date');
  if (/too big|at most|too long/i.test(message)) return t('form.errors.tooLong');
  if (/expected one of|invalid option/i.test(message)) return t('form.errors.choose');
  return t('form.errors.invalid', { field });
}
