import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageForLocale } from '@shared/i18n/locales';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import { registryClient } from './ipc/registryClient';

/** Picks the saved UI language, else the system's, before the first paint so nothing flickers. */
async function startingLanguage() {
  try {
    const settings = await registryClient.settings.get();
    if (settings.uiLanguage) return settings.uiLanguage;
    return languageForLocale((await registryClient.app.info()).systemLocale);
  } catch (error) {
    console.error('Settings could not be read; starting in the system language', error);
    return languageForLocale(navigator.language);
  }
}

async function start() {
  await initI18n(await startingLanguage());
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
