import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { Layout, NotFound } from './components/Layout';
import { BoardPage } from './pages/BoardPage';
import { RegisterPage } from './pages/RegisterPage';

export type BoardSearch = { area?: number; q?: string };

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFound });

export const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
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
  getParentRoute: () => rootRoute,
  path: '/daftar',
  component: RegisterPage,
});

/** The application page is its own chunk (design.md: split the rest by route). */
export const applicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/lamaran/$id',
  component: lazyRouteComponent(() => import('./pages/ApplicationPage'), 'ApplicationPage'),
});

const routeTree = rootRoute.addChildren([boardRoute, registerRoute, applicationRoute]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
