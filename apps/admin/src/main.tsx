import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LOGIN_PATH, loginSearch } from './auth/session';
import { forgetSessionData, queryClient, setUnauthenticatedHandler, trpcClient } from './client';
import { I18nProvider } from './i18n';
import { router } from './router';
import { TRPCProvider } from './trpc';
import './styles.css';

/**
 * Any answer "not signed in" (the session expired, was ended by signing out elsewhere, or the
 * user was disabled): to the sign-in page, remembering the page, then forget the cached data.
 */
let leaving = false;
setUnauthenticatedHandler(() => {
  const here = router.state.location;
  if (leaving || here.pathname === LOGIN_PATH) return;
  leaving = true;
  void router
    .navigate({ to: LOGIN_PATH, search: loginSearch(here.href) })
    .then(forgetSessionData)
    .finally(() => {
      leaving = false;
    });
});

function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
