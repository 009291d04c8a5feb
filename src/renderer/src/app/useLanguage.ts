import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/model/localizedText';
import { registryClient } from '../ipc/registryClient';
import { loadLanguage } from './i18n';
import { useRegistry } from './RegistryContext';
import { useNotify } from '../ui/Notifications';
import { currentLanguage } from '../ui/useFormat';

/**
 * The UI language, a setter that switches the screen at once and remembers the choice in main,
 * and whether the machine policy enforces the language (then the setter is not offered).
 */
export function useLanguage(): [Language, (language: Language) => void, boolean] {
  const { i18n, t } = useTranslation();
  const notify = useNotify();
  const { policy } = useRegistry();
  const isEnforced = policy.settings.defaultUiLanguage?.isEnforced === true;
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  const setLanguage = useCallback(
    (next: Language) => {
      loadLanguage(next)
        .then(async () => {
          document.documentElement.lang = next;
          await i18n.changeLanguage(next);
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          notify({ severity: 'error', message: t('errors.ipc', { code: 'language', message }) });
        });
      registryClient.settings.update({ uiLanguage: next }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        notify({ severity: 'warning', message: t('errors.ipc', { code: 'settings', message }) });
      });
    },
    [i18n, notify, t],
  );
  return [language, setLanguage, isEnforced];
}
