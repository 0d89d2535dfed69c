import { useTranslation } from '@/lib/i18n';
import { toApiError } from '@/api/errors';

/** A sentence for any failure of an API call, in the UI language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const apiError = toApiError(error);
    switch (apiError.kind) {
      case 'network':
        return t('errors.network');
      case 'timeout':
        return t('errors.timeout');
      case 'unexpected':
        return t('errors.unexpected');
      case 'http':
        break;
    }
    const status = apiError.status ?? 0;
    if (status >= 500) return t('errors.server');
    if (status === 401) return t('errors.unauthorized');
    if (status === 404) return t('errors.notFound');
    if (status === 409) return t('errors.conflict');
    if (status === 422) return t('errors.validation');
    if (status === 429) {
      return t('errors.tooManyRequests', { count: apiError.retryAfter ?? 1 });
    }
    return t('errors.generic');
  };
}
