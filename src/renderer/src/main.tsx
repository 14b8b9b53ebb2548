import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerOfflineShell } from './app/offline-shell';
import './styles/app.css';
import './styles/board.css';
import './styles/case.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Saksbord: #root element missing from index.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerOfflineShell({
  protocol: location.protocol,
  serviceWorker: navigator.serviceWorker,
  production: import.meta.env.PROD,
});
