import { FormControl, FormHelperText, FormLabel, Stack, TextField } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type LocalizedText } from '@shared/model/localizedText';

type LocalizedTextFieldProps = {
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  error?: string | null;
  helperText?: string;
  isRequired?: boolean;
  isMultiline?: boolean;
  /** Focused first when the form opens. */
  autoFocus?: boolean;
  /** The DOM name prefix, so tests and autofill can tell the three inputs apart. */
  name: string;
};

/**
 * One text in English, Azerbaijani and Russian: a field per language, each labelled with the
 * language's own name and marked with its `lang`, so spell-checking and screen readers use it.
 */
export function LocalizedTextField({
  label,
  value,
  onChange,
  error,
  helperText,
  isRequired = false,
  isMultiline = false,
  autoFocus = false,
  name,
}: LocalizedTextFieldProps) {
  const { t } = useTranslation();
  const groupId = useId();
  const update = (language: Language, text: string) => {
    const others = Object.entries(value).filter(([key]) => key !== language);
    onChange(Object.fromEntries(text === '' ? others : [...others, [language, text]]));
  };
  return (
    <FormControl component="fieldset" error={Boolean(error)} required={isRequired} fullWidth>
      <FormLabel component="legend" id={groupId} sx={{ mb: 1 }}>
        {label}
      </FormLabel>
      <Stack direction={{ xs: 'column', md: isMultiline ? 'column' : 'row' }} spacing={1}>
        {LANGUAGES.map((language, index) => (
          <TextField
            key={language}
            name={`${name}.${language}`}
            label={t(`language.${language}`)}
            value={value[language] ?? ''}
            onChange={(event) => update(language, event.target.value)}
            error={Boolean(error)}
            multiline={isMultiline}
            minRows={isMultiline ? 2 : undefined}
            autoFocus={autoFocus && index === 0}
            fullWidth
            slotProps={{ htmlInput: { lang: language, 'aria-describedby': `${groupId}-help` } }}
          />
        ))}
      </Stack>
      {(error ?? helperText) && (
        <FormHelperText id={`${groupId}-help`}>{error ?? helperText}</FormHelperText>
      )}
    </FormControl>
  );
}
