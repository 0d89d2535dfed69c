import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  createMemoryRouter,
  Outlet,
  redirect,
  ScrollRestoration,
  type DataRouter,
  type LoaderFunction,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';

import { ChunkLoadError } from '@/components/errors/chunk-load-error';
import { RouteError } from '@/components/errors/route-error';
import { onlyViewChanged } from '@/features/events/utils/view-params';
import { getToken } from '@/api/auth-session';
import { loadTranslations, type Namespace } from '@/lib/i18n';
import { loginPathFor, safeReturnTo } from '@/lib/return-to';

import { Component as LoginRoute } from './routes/auth/login';

/** A lazy route module: its component, and a loader that gets the query client. */
type RouteModule = {
  Component: React.ComponentType;
  clientLoader?: (queryClient: QueryClient) => LoaderFunction;
};

export type LoadQueryClient = () => Promise<QueryClient>;

function requireSession({ request }: LoaderFunctionArgs) {
  if (getToken()) return null;
  const url = new URL(request.url);
  throw redirect(loginPathFor(url.pathname + url.search));
}

function guestOnly({ request }: LoaderFunctionArgs) {
  if (!getToken()) return null;
  throw redirect(
    safeReturnTo(new URL(request.url).searchParams.get('returnTo')),
  );
}

type Chunk = { Component: React.ComponentType; loader?: LoaderFunction };

/**
 * A route whose code comes in a chunk of its own, fetched by the route's
 * loader rather than by React Router's `lazy`: a `lazy` that failed
 * (offline, say) stays failed until the page is reloaded, while a loader
 * runs again on Retry and on reconnect. A `guard` (sign-in required, or
 * guests only) runs first, before anything is fetched.
 */
function fromChunk(
  load: () => Promise<Chunk>,
  guard?: (args: LoaderFunctionArgs) => null,
): Pick<RouteObject, 'loader' | 'Component' | 'shouldRevalidate'> {
  let fetching: Promise<Chunk> | undefined;
  let chunk: Chunk | undefined;
  const ensure = () =>
    (fetching ??= load().then(
      (loaded) => (chunk = loaded),
      (error: unknown) => {
        fetching = undefined;
        throw new ChunkLoadError(error);
      },
    ));
  return {
    loader: async (args) => {
      guard?.(args); // throws a redirect when the visitor may not be here
      const { loader } = await ensure();
      // A navigation given up while its code came fetches nothing.
      if (args.request.signal.aborted) return null;
      return loader ? loader(args) : null;
    },
    // Rendered only once the loader has fetched it.
    Component: () => (chunk ? <chunk.Component /> : null),
    // Typing a search or sorting the ledger loads nothing again.
    shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
      !onlyViewChanged(currentUrl, nextUrl) && defaultShouldRevalidate,
  };
}

export function createRoutes(loadQueryClient: LoadQueryClient): RouteObject[] {
  /** A route's code, its translations and the data layer, fetched together. */
  const page = (
    load: () => Promise<RouteModule>,
    namespaces: Namespace[] = [],
    guard?: (args: LoaderFunctionArgs) => null,
  ) =>
    fromChunk(async () => {
      const [{ Component, clientLoader }, queryClient] = await Promise.all([
        load(),
        loadQueryClient(),
        loadTranslations(namespaces),
      ]);
      return { Component, loader: clientLoader?.(queryClient) };
    }, guard);
  // Every signed-in route has the guard, not only their layout: React
  // Router runs a layout's loader and its page's side by side, so the
  // page's would ask the API for private data before the layout's guard
  // had said no.
  const signedIn = (
    load: () => Promise<RouteModule>,
    namespaces: Namespace[] = [],
  ) => page(load, namespaces, requireSession);
  const withData = fromChunk(async () => {
    const [{ AppProvider }, queryClient] = await Promise.all([
      import('./provider'),
      loadQueryClient(),
    ]);
    return { Component: () => <AppProvider queryClient={queryClient} /> };
  });
  return [
    {
      Component: Root,
      ErrorBoundary: RouteError,
      // Nothing until the first lazy route is in: a blank page shifts nothing.
      HydrateFallback: () => null,
      children: [
        {
          path: '/login',
          loader: guestOnly,
          // The page itself is in the entry chunk: it is the first page
          // most visitors see, shown before this router has loaded.
          Component: LoginRoute,
        },
        {
          ...withData,
          children: [
            {
              path: '/register',
              ...page(
                () => import('./routes/auth/register'),
                ['dictionaries'],
                guestOnly,
              ),
            },
            {
              path: '/',
              ...signedIn(() => import('./routes/app/layout')),
              children: [
                {
                  ErrorBoundary: RouteError,
                  children: [
                    {
                      index: true,
                      ...signedIn(
                        () => import('./routes/app/home'),
                        ['insights', 'events'],
                      ),
                    },
                    {
                      path: 'objects',
                      ...signedIn(
                        () => import('./routes/app/objects'),
                        ['objects'],
                      ),
                    },
                    {
                      path: 'objects/:id',
                      ...signedIn(
                        () => import('./routes/app/object'),
                        ['objects', 'events'],
                      ),
                    },
                    {
                      path: 'events',
                      ...signedIn(
                        () => import('./routes/app/events'),
                        ['events'],
                      ),
                    },
                    {
                      path: 'reports',
                      ...signedIn(
                        () => import('./routes/app/reports'),
                        ['insights', 'events'],
                      ),
                    },
                    {
                      path: 'profile',
                      ...signedIn(
                        () => import('./routes/app/profile'),
                        ['profile', 'dictionaries'],
                      ),
                    },
                    {
                      path: '*',
                      ...signedIn(() => import('./routes/not-found')),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}

/**
 * Every page opens at the top, and Back or Forward returns to where the
 * owner was on that entry. A change of the address's search only (a
 * filter, a search, a sort) keeps the place (`preventScrollReset`).
 */
function Root() {
  return (
    <>
      <Outlet />
      {/* After the page: its effects (a virtualised list's own scroll
          setup) run first, then the position is restored. */}
      <ScrollRestoration />
    </>
  );
}

/** The query client is made on first need, in the data layer's own chunk. */
function sharedQueryClient(): LoadQueryClient {
  let client: Promise<QueryClient> | undefined;
  return () =>
    (client ??= Promise.all([
      import('@/lib/query-client'),
      import('@/lib/offline-copy'),
      import('@/features/events/api/outbox-sender'),
    ]).then(([{ createQueryClient }, { keepOfflineCopy }, { keepOutbox }]) => {
      const created = createQueryClient();
      keepOfflineCopy(created);
      keepOutbox(created);
      return created;
    }));
}

/**
 * The pages the build renders to HTML ahead (scripts/prerender.ts), as a
 * visitor who is not signed in sees them.
 */
export const PRERENDERED = ['/login', '/register'];

export function createAppRouter() {
  return createBrowserRouter(createRoutes(sharedQueryClient()));
}

/** The router the build renders a prerendered page with. */
export function createPrerenderRouter(path: string) {
  return createMemoryRouter(createRoutes(sharedQueryClient()), {
    initialEntries: [path],
  });
}

/**
 * Resolves once the router has run the first page's loaders, which fetch
 * its code: rendered from then on, it renders that page, as the build did,
 * not a fallback.
 */
export function routerReady(router: DataRouter): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}
