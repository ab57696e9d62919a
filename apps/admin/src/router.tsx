import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import type { Me } from './api/types';
import { canManageSettings, canManageUsers, canPlanPeriods, canRegister } from './auth/roles';
import { afterLogin, isUnauthenticated, LOGIN_PATH, loginSearch, safeRedirect } from './auth/session';
import { NO_AUTH_REDIRECT, queryClient, trpc, trpcClient } from './client';
import { Layout, NotFound, RootShell, SessionError } from './components/Layout';
import { validateCadresSearch } from './contracts/cadresSearch';
import { BoardPage, boardInput } from './pages/BoardPage';
import { choosePeriod, lastShownPeriodId, periodsListOptions, sortPeriods, storedPeriodId } from './period';

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

/**
 * Issue 10: a cold start used to ask the server three times in a row (the session, then the
 * periods once the header rendered, then the board once the period was known). Asked in the same
 * tick as the session check, these go out in its batch (`httpBatchLink`): the periods, the demo
 * flag, and, on the board, the board of the period this browser showed last (a guess: when it is
 * not the period the page settles on, the board loader below asks for the right one). Marked so
 * that a signed-out answer leaves the redirect to the session check.
 */
function prefetchWithSession(matches: readonly { routeId: string; search: unknown }[]): void {
  const quiet = { meta: NO_AUTH_REDIRECT };
  void queryClient.prefetchQuery({ ...periodsListOptions(), ...quiet });
  void queryClient.prefetchQuery({ ...trpc.health.queryOptions(undefined, { staleTime: Infinity }), ...quiet });
  const board = matches.find((m) => m.routeId === boardRoute.id);
  const guess = lastShownPeriodId();
  if (board && guess !== null) {
    const input = boardInput(guess, board.search as BoardSearch);
    void queryClient.prefetchQuery({ ...trpc.applications.board.queryOptions(input), ...quiet });
  }
}

/**
 * The board of the period the page will show (the user's choice, else the default), asked as soon
 * as the periods are known rather than once the page has rendered. Not awaited: the page renders
 * meanwhile and its query joins this one (same input, `boardInput`).
 */
async function prefetchBoard(me: Me, search: BoardSearch): Promise<void> {
  const periods = sortPeriods(await queryClient.fetchQuery(periodsListOptions()));
  const period = choosePeriod(periods, storedPeriodId(me.username), me.branch?.id ?? null);
  if (!period) return;
  // the page drops an area filter the period does not have (BoardPage's `area`)
  const area = period.workAreas.some((w) => w.id === search.area) ? search.area : undefined;
  await queryClient.prefetchQuery(trpc.applications.board.queryOptions(boardInput(period.id, { area, q: search.q })));
}

/*
 * Only the board is in the first chunk; every other page is its own (design.md: split the rest by
 * route). The sign-in, password and registration forms parse with the shared schemas, so zod loads
 * with them, not before the board's first card (issue 10).
 */

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
  component: lazyRouteComponent(() => import('./pages/LoginPage'), 'LoginPage'),
});

/** Every page below needs a session. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signedIn',
  beforeLoad: async ({ location, matches }) => {
    prefetchWithSession(matches);
    return { me: await requireMe(location) };
  },
  errorComponent: SessionError,
});

export const changePasswordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/kata-sandi',
  validateSearch: validateRedirect,
  component: lazyRouteComponent(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage'),
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
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    // a failure here is the page's to show, from its own query
    prefetchBoard(context.me, deps).catch(() => {});
  },
  component: BoardPage,
});

export const registerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/daftar',
  beforeLoad: ({ context }) => {
    if (!canRegister(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/RegisterPage'), 'RegisterPage'),
});

/** Many registrations at once from a CSV file: whoever may register. Its own chunk. */
export const importCandidatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/impor-calon',
  beforeLoad: ({ context }) => {
    if (!canRegister(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/import/ImportCandidatesPage'), 'ImportCandidatesPage'),
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

/** Quota and branches: head office; a branch's recruiters and supervisors plan their own periods. */
export const quotaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/kuota',
  beforeLoad: ({ context }) => {
    if (!canPlanPeriods(context.me.role)) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./pages/QuotaPage'), 'QuotaPage'),
});

/** Reports (issue 12): every signed-in user, within what they may read; its own chunk (chart included). */
export const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/laporan',
  // which report (reports/reportKinds.ts); an unknown one shows the first, so the list stays in the lazy chunk
  validateSearch: (search: Record<string, unknown>): { laporan?: string } =>
    typeof search.laporan === 'string' ? { laporan: search.laporan } : {},
  component: lazyRouteComponent(() => import('./pages/ReportsPage'), 'ReportsPage'),
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
      importCandidatesRoute,
      applicationRoute,
      usersRoute,
      cadresRoute,
      cadreRoute,
      renewalsRoute,
      quotaRoute,
      settingsRoute,
      reportsRoute,
    ]),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
