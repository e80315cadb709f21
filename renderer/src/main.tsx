// First, before any module builds a zod schema: the CSP forbids eval (see the file).
import '../../shared/ipc/jitless';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { setUpI18n } from './i18n';
import { useApp } from './store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

await setUpI18n();
void useApp.getState().start();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
