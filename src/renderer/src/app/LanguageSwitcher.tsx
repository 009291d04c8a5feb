import TranslateIcon from '@mui/icons-material/Translate';
import { MenuItem, Select, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@shared/model/localizedText';
import { useLanguage } from './useLanguage';

/** Switches the UI between English, Azerbaijani and Russian; each language named in itself. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [language, setLanguage, isEnforced] = useLanguage();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TranslateIcon aria-hidden fontSize="small" />
      <Select
        size="small"
        value={language}
        onChange={(event) => setLanguage(event.target.value)}
        disabled={isEnforced}
        title={isEnforced ? t('policy.languageEnforced') : undefined}
        inputProps={{ 'aria-label': t('language.label') }}
        sx={{
          color: 'inherit',
          '.MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.5)' },
        }}
        data-testid="language-switcher"
      >
        {LANGUAGES.map((option) => (
          <MenuItem key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </MenuItem>
        ))}
      </Select>
    </Stack>
  );
}
