import { useEffect, useRef } from 'react';
import {
  isRouteErrorResponse,
  Navigate,
  useLocation,
  useRevalidator,
  useRouteError,
} from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { ApiError, isContractBreak, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { useOnline } from '@/hooks/use-online';
import { loginPathFor } from '@/lib/return-to';

import { ChunkLoadError } from './chunk-load-error';
import { NotFound } from './not-found';
import { useErrorText } from './use-error-text';

/** What a route shows when its loader or its render fails. */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (error instanceof ChunkLoadError) return <ChunkFailed />;
  const fromApi = error instanceof ApiError || isContractBreak(error);
  const apiError = fromApi ? toApiError(error) : null;
  if (apiError?.status === 404) return <NotFound body={t('errors.notFound')} />;
  if (apiError?.status === 401) {
    return (
      <Navigate
        replace
        to={loginPathFor(location.pathname + location.search)}
      />
    );
  }
  return (
    <section role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('routeError.title')}</h1>
      <p className="mt-2 text-fg-muted">
        {apiError ? errorText(apiError) : t('routeError.body')}
      </p>
      <Button className="mt-6" onClick={() => window.location.reload()}>
        {t('actions.reload')}
      </Button>
    </section>
  );
}

// Tried again quietly this many times while online, as reads are.
const QUIET_RETRIES = 2;

/**
 * The page's code did not arrive: said plainly, fetched again on Retry, by
 * itself as soon as the connection is back, and quietly twice more while it
 * is up (the connection can come back a moment before its first request
 * goes through).
 */
function ChunkFailed() {
  const { t } = useTranslation();
  const error = useRouteError();
  const online = useOnline();
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    const retry = () => void revalidate();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [revalidate]);
  const quietTries = useRef(0);
  useEffect(() => {
    if (!online || quietTries.current >= QUIET_RETRIES) return;
    quietTries.current += 1;
    const timer = setTimeout(
      () => void revalidate(),
      500 * 2 ** quietTries.current,
    );
    return () => clearTimeout(timer);
  }, [error, online, revalidate]);
  return (
    <section role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('routeError.title')}</h1>
      <p className="mt-2 text-fg-muted">
        {t(online ? 'routeError.chunk' : 'routeError.chunkOffline')}
      </p>
      <Button
        className="mt-6"
        onClick={() => void revalidate()}
        disabled={state === 'loading'}
      >
        {t('actions.retry')}
      </Button>
    </section>
  );
}
