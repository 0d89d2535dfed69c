import { useTranslation } from 'react-i18next';
import {
  isRouteErrorResponse,
  Navigate,
  useLocation,
  useRouteError,
} from 'react-router';

import { ApiError, isContractBreak, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { loginPathFor } from '@/lib/return-to';

import { NotFound } from './not-found';
import { useErrorText } from './use-error-text';

/** What a route shows when its loader or its render fails. */
export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
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
