import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/errors/query-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/spinner';
import {
  useCountries,
  useCurrencies,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import { useProfile } from '@/features/profile/api/queries';
import { regionName } from '@/lib/format';
import { useFormat } from '@/lib/locale-settings';

export function Component() {
  const { t, i18n } = useTranslation(['profile', 'auth', 'common']);
  const profile = useProfile();
  const countries = useCountries();
  const currencies = useCurrencies();
  const languages = useLanguages();
  const format = useFormat();
  const user = profile.data;
  const country = user && countries.data?.byId.get(user.countryId);
  const rows: [string, string | undefined][] = user
    ? [
        [t('auth:register.login'), user.login],
        [t('auth:register.name'), user.name],
        [t('auth:register.surname'), user.surname],
        [t('auth:register.birthDate'), format.date(user.birthDate)],
        [t('auth:register.phone'), user.phone],
        [t('auth:register.email'), user.email],
        [
          t('auth:register.country'),
          country
            ? regionName(country.code, country.name, i18n.language)
            : undefined,
        ],
        [
          t('common:language.label'),
          languages.data?.byId.get(user.languageId)?.name,
        ],
        [t('currency'), currencies.data?.byId.get(user.currencyId)?.code],
      ]
    : [];
  return (
    <>
      <PageHeader title={t('title')} />
      {profile.isError && (
        <QueryError
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      )}
      <dl className="grid max-w-2xl gap-x-6 gap-y-3 rounded-lg border border-border bg-surface p-5 sm:grid-cols-[12rem_1fr]">
        {profile.isPending
          ? Array.from({ length: 9 }, (_, index) => (
              <Skeleton key={index} className="h-5 w-full sm:col-span-2" />
            ))
          : rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-sm text-fg-muted">{label}</dt>
                <dd className="font-medium" dir="auto">
                  {value ?? '—'}
                </dd>
              </div>
            ))}
      </dl>
    </>
  );
}
