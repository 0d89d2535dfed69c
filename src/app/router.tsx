import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  redirect,
  type LoaderFunction,
  type LoaderFunctionArgs,
  type RouteObject,
} from 'react-router';

import { RouteError } from '@/components/errors/route-error';
import { getToken } from '@/lib/auth-session';
import { i18n, type Namespace } from '@/lib/i18n';
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

export function createRoutes(loadQueryClient: LoadQueryClient): RouteObject[] {
  /** A route's code, its translations and the data layer, fetched together. */
  // A guard (sign-in required, or guests only) runs before the module's own
  // loader: React Router ignores a lazy loader where a static one is set.
  // Every signed-in route has it, not only their layout: React Router runs
  // a layout's loader and its page's side by side, so the page's would ask
  // the API for private data before the layout's guard had said no.
  const lazy =
    (
      load: () => Promise<RouteModule>,
      namespaces: Namespace[] = [],
      guard?: (args: LoaderFunctionArgs) => null,
    ) =>
    async () => {
      const [{ Component, clientLoader }, queryClient] = await Promise.all([
        load(),
        loadQueryClient(),
        i18n.loadNamespaces(namespaces),
      ]);
      const prefetch = clientLoader?.(queryClient);
      if (!guard) return { Component, loader: prefetch };
      return {
        Component,
        loader: (args: LoaderFunctionArgs) => {
          guard(args); // throws a redirect when the visitor may not be here
          return prefetch ? prefetch(args) : null;
        },
      };
    };
  const signedIn = (
    load: () => Promise<RouteModule>,
    namespaces: Namespace[] = [],
  ) => lazy(load, namespaces, requireSession);
  const withData = async () => {
    const [{ AppProvider }, queryClient] = await Promise.all([
      import('./provider'),
      loadQueryClient(),
    ]);
    return { Component: () => <AppProvider queryClient={queryClient} /> };
  };
  return [
    {
      ErrorBoundary: RouteError,
      // Nothing until the first lazy route is in: a blank page shifts nothing.
      HydrateFallback: () => null,
      children: [
        {
          path: '/login',
          loader: guestOnly,
          // Part of the entry chunk: it is the first page most visitors see.
          Component: LoginRoute,
        },
        {
          lazy: withData,
          children: [
            {
              path: '/register',
              lazy: lazy(
                () => import('./routes/auth/register'),
                ['dictionaries'],
                guestOnly,
              ),
            },
            {
              path: '/',
              lazy: signedIn(() => import('./routes/app/layout')),
              children: [
                {
                  ErrorBoundary: RouteError,
                  children: [
                    {
                      index: true,
                      lazy: signedIn(
                        () => import('./routes/app/home'),
                        ['insights', 'events'],
                      ),
                    },
                    {
                      path: 'objects',
                      lazy: signedIn(
                        () => import('./routes/app/objects'),
                        ['objects'],
                      ),
                    },
                    {
                      path: 'objects/:id',
                      lazy: signedIn(
                        () => import('./routes/app/object'),
                        ['objects', 'events'],
                      ),
                    },
                    {
                      path: 'events',
                      lazy: signedIn(
                        () => import('./routes/app/events'),
                        ['events'],
                      ),
                    },
                    {
                      path: 'profile',
                      lazy: signedIn(
                        () => import('./routes/app/profile'),
                        ['profile', 'dictionaries'],
                      ),
                    },
                    {
                      path: '*',
                      lazy: signedIn(() => import('./routes/not-found')),
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

/** The query client is made on first need, in the data layer's own chunk. */
function sharedQueryClient(): LoadQueryClient {
  let client: Promise<QueryClient> | undefined;
  return () =>
    (client ??= import('@/lib/query-client').then(({ createQueryClient }) =>
      createQueryClient(),
    ));
}

export function createAppRouter() {
  return createBrowserRouter(createRoutes(sharedQueryClient()));
}
