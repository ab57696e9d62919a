import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import type { Me } from './api/types';
import { canManageQuota, canManageSettings, canManageUsers, canRegister } from './auth/roles';
import { afterLogin, isUnauthenticated, LOGIN_PATH, loginSearch, safeRedirect } from './auth/session';
import { queryClient, trpc, trpcClient } from './client';
import { Layout, NotFound, RootShell, SessionError } from './components/Layout';
import { validateCadresSearch } from './contracts/cadresSearch';
import { BoardPage } from './pages/BoardPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage } from './pages/LoginPage';
import { RegisterPage } from './pages/RegisterPage';

export type BoardSearch = { area?: number; q?: string };
/** `?redirect=/lamaran/12`: where to go once signed in (only ever a path of this app). */
export type RedirectSearch = { redirect?: string };

function validateRedirect(search: Record<string, unknown>): RedirectSearch {
  const target = safeRedirect(search.redirect);
  return target === '/' ? {} : { redirect: target };
}

/** The user from the cache, or asked of the server once; no session → the sign-in page. */
async function requireMe(location: ParsedLocation): Promise<Me> {
  const key = trpc.auth.me.queryKey();
  const cached = queryClient.getQueryData(key);
  if (cached) return cached.user;
  try {
    // straight through the client: a missing session is expected here, not an error to report
    const res = await trpcClient.auth.me.query();
    queryClient.setQueryData(key, res);
    return res.user;
  } catch (err) {
    if (isUnauthenticated(err)) throw redirect({ to: LOGIN_PATH, search: loginSearch(location.href) });
    throw err;
  }
}

/** The demo banner lives here, above the sign-in page and the signed-in pages alike. */
const rootRoute = createRootRoute({ component: RootShell, notFoundComponent: NotFound });

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/masuk',
  validateSearch: validateRedirect,
  // already signed in (a bookmark, the back button): straight on to where they were going
  beforeLoad: async ({ search }) => {
    let user: Me | null = null;
    try {
      user = (await trpcClient.auth.me.query()).user;
    } catch {
      return; // not signed in, or the server is away: the form says the rest
    }
    queryClient.setQueryData(trpc.auth.me.queryKey(), { user });
    const next = afterLogin(user, search.redirect);
    if (next.changePassword) throw redirect({ to: '/kata-sandi', search: validateRedirect({ redirect: next.target }) });
    throw redirect({ href: next.target });
  },
  component: LoginPage,
});

/** Every page below needs a session. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signedIn',
  beforeLoad: async ({ location }) => ({ me: await requireMe(location) }),
  errorComponent: SessionError,
});

export const changePasswordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/kata-sandi',
  validateSearch: validateRedirect,
  component: ChangePasswordPage,
});

/** The app proper: only once the password no longer has to change. */
const appRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => {
    if (context.me.mustChangePassword) throw redirect({ to: '/kata-sandi', search: loginSearch(location.href) });
  },
  component: Layout,
});

export const boardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  // filters live in the URL so "back" from an application returns to the same view
  validateSearch: (search: Record<string, unknown>): BoardSearch => {
    const out: BoardSearch = {};
    const area = Number(search.area);
    if (Number.isInteger(area) && area > 0) out.area = area;
    if (typeof search.q === 'string' && search.q.trim()) out.q = search.q;
    return out;
  },
  component: BoardPage,
});

export const registerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/daftar',
  beforeLoad: ({ context }) => {
    if (!canRegister(context.me.role)) throw redirect({ to: '/' });
  },
  component: RegisterPage,
});

/** The application page is its own chunk (design.md: split the rest by route). */
export const applicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lamaran/$id',
  component: lazyRouteComponent(() => import('./pages/ApplicationPage'), 'ApplicationPage'),
});

/** Users: head-office admins only; its own chunk. */
export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna',
  beforeLoad: ({ context }) => {
    if (!canManageUsers(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/UsersPage'), 'UsersPage'),
});

/** Cadres (contract years): everyone signed in; branch users see their branch. Own chunk. */
export const cadresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kader',
  validateSearch: validateCadresSearch,
  component: lazyRouteComponent(() => import('./pages/CadresPage'), 'CadresPage'),
});

export const cadreRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kader/$id',
  component: lazyRouteComponent(() => import('./pages/CadrePage'), 'CadrePage'),
});

export const renewalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/perpanjangan',
  component: lazyRouteComponent(() => import('./pages/RenewalsPage'), 'RenewalsPage'),
});

/** Quota and branches: head-office admins only. */
export const quotaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kuota',
  beforeLoad: ({ context }) => {
    if (!canManageQuota(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/QuotaPage'), 'QuotaPage'),
});

/** Programme settings (KPI and fee versions): head-office admins only; its own chunk. */
export const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengaturan',
  beforeLoad: ({ context }) => {
    if (!canManageSettings(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/SettingsPage'), 'SettingsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    changePasswordRoute,
    appRoute.addChildren([
      boardRoute,
      registerRoute,
      applicationRoute,
      usersRoute,
      cadresRoute,
      cadreRoute,
      renewalsRoute,
      quotaRoute,
      settingsRoute,
    ]),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
