// First: before any schema parses (see the module).
import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { passwordAuthProvider } from './auth/password-auth-provider';
import './styles/portal.css';

const auth = passwordAuthProvider();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App auth={auth} />
  </StrictMode>,
);
