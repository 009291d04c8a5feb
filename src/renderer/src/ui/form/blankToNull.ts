import type { LocalizedText } from '@shared/model/localizedText';

/** True when no language holds anything but whitespace, so the field counts as left empty. */
export function isBlank(text: LocalizedText): boolean {
  return Object.values(text).every((value: string | undefined) => !value?.trim());
}

/**
 * An optional localized field as it is saved: a field left blank is stored as null, not as `{}`
 * or whitespace, so an untouched field stays equal to a record that never had it.
 */
export function blankToNull(text: LocalizedText | null): LocalizedText | null {
  return text === null || isBlank(text) ? null : text;
}
