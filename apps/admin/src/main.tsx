import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, loginSearch } from './auth/session';
import { forgetSessionData, queryClient, setSessionHandlers, trpc, trpcClient } from './client';
import { I18nProvider } from './i18n';
import { router } from './router';
import { TRPCProvider } from './trpc';
import './styles.css';

let leaving = false;
setSessionHandlers({
  /**
   * Any answer "not signed in" (the session expired, was ended by signing out elsewhere, or the
   * user was disabled): to the sign-in page, remembering the page, then forget the cached data.
   */
  unauthenticated: () => {
    const here = router.state.location;
    if (leaving || here.pathname === LOGIN_PATH) return;
    leaving = true;
    void router
      .navigate({ to: LOGIN_PATH, search: loginSearch(here.href) })
      .then(forgetSessionData)
      .finally(() => {
        leaving = false;
      });
  },
  /** An admin reset the password meanwhile: the change-password page, before anything else. */
  passwordChangeRequired: () => {
    const here = router.state.location;
    if (leaving || here.pathname === CHANGE_PASSWORD_PATH) return;
    const key = trpc.auth.me.queryKey();
    const current = queryClient.getQueryData(key);
    if (current) queryClient.setQueryData(key, { user: { ...current.user, mustChangePassword: true } });
    void router.navigate({ to: CHANGE_PASSWORD_PATH, search: loginSearch(here.href) });
  },
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
