import type { QueryClient } from '@tanstack/react-query';

import { useTranslation } from '@/lib/i18n';
import { QueryError } from '@/components/errors/query-error';
import { PageHeader } from '@/components/ui/page-header';
import {
  dictionaryQueries,
  useCountries,
  useCurrencies,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import { profileQueries, useProfile } from '@/features/profile/api/queries';
import {
  ProfileForm,
  ProfileFormSkeleton,
} from '@/features/profile/components/profile-form';
import { ThemePicker } from '@/features/profile/components/theme-picker';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(profileQueries.me());
  void queryClient.prefetchQuery(dictionaryQueries.countries());
  void queryClient.prefetchQuery(dictionaryQueries.languages());
  void queryClient.prefetchQuery(dictionaryQueries.currencies());
  return null;
};

export function Component() {
  const { t } = useTranslation(['profile', 'common']);
  const profile = useProfile();
  const countries = useCountries();
  const languages = useLanguages();
  const currencies = useCurrencies();
  const failed = [profile, languages, currencies].filter(
    (query) => query.isError,
  );

  let body;
  if (failed.length > 0) {
    body = (
      <QueryError
        error={failed[0]?.error}
        onRetry={() => failed.forEach((query) => void query.refetch())}
      />
    );
  } else if (
    profile.data &&
    languages.data &&
    currencies.data &&
    // Without countries the form still works and says why the country is empty.
    !countries.isPending
  ) {
    body = (
      <ProfileForm
        user={profile.data}
        languages={languages.data}
        currencies={currencies.data}
      />
    );
  } else {
    body = <ProfileFormSkeleton />;
  }

  return (
    <>
      <PageHeader title={t('title')} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {body}
        <ThemePicker />
      </div>
    </>
  );
}
