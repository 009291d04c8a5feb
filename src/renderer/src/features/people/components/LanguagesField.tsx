import { Autocomplete, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForMatch } from '@shared/text/fold';
import { LANGUAGE_CODES } from '@shared/model/languageCodes';
import { useFormat } from '../../../ui/useFormat';

type LanguagesFieldProps = {
  /** ISO 639-1 codes, in the order they were chosen. */
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | null;
};

/** Also matched when searching, so "German" or "de" finds Deutsch in any UI language. */
const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * A person's working languages, picked by name in the UI language (or by English name or code)
 * and listed alphabetically; stored as ISO 639-1 codes so they read right in every language.
 */
export function LanguagesField({ value, onChange, error }: LanguagesFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const options = useMemo(
    () =>
      [...LANGUAGE_CODES].sort((a, b) =>
        format.compare(format.languageName(a), format.languageName(b)),
      ),
    [format],
  );
  const searchTexts = useMemo(
    () =>
      new Map(
        LANGUAGE_CODES.map((code) => [
          code,
          [format.languageName(code), englishNames.of(code) ?? '', code].map(foldForMatch),
        ]),
      ),
    [format],
  );
  return (
    <Autocomplete
      multiple
      autoHighlight
      filterSelectedOptions
      options={options}
      value={[...value]}
      onChange={(_event, codes) => onChange(codes)}
      getOptionLabel={(code) => format.languageName(code)}
      filterOptions={(available, state) => {
        const query = foldForMatch(state.inputValue);
        return query === ''
          ? available
          : available.filter((code) => searchTexts.get(code)?.some((text) => text.includes(query)));
      }}
      noOptionsText={t('vocabulary.noMatches')}
      sx={{ maxWidth: 720 }}
      renderInput={(params) => (
        <TextField
          {...params}
          name="languages"
          label={t('fields.languages')}
          error={Boolean(error)}
          helperText={error ?? t('personForm.languagesHelp')}
        />
      )}
    />
  );
}
