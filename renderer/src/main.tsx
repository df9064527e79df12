import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startI18n } from './i18n/i18n.ts';
import { startingLanguage } from './i18n/uiLanguage.ts';
import './app/styles.css';

// The language is known before the first paint, so no English flashes before Hungarian.
await startI18n(await startingLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
