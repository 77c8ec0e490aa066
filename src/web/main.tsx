// SPDX-License-Identifier: EUPL-1.2
// Entry point: theme, catalogue, session and router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '@utrecht/component-library-css/dist/index.css';
import './theme/tokens.css';
import './theme/app.css';
import { MessagesProvider } from './i18n/messages.js';
import { SessionProvider } from './session/session.js';
import { routes } from './routes.js';

const router = createBrowserRouter(routes);
document.body.classList.add('kansrijk-theme');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MessagesProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MessagesProvider>
  </StrictMode>,
);
