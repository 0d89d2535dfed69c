import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import {
  Outlet,
  useLocation,
  useMatch,
  useNavigate,
  useNavigation,
} from 'react-router';
import type { QueryClient } from '@tanstack/react-query';

import { useTranslation, setUiLanguage, uiLanguageFor } from '@/lib/i18n';
import { useErrorText } from '@/components/errors/use-error-text';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Toaster } from '@/components/ui/toaster';
import { useLogout } from '@/features/auth/api/use-logout';
import {
  OutboxPanel,
  useSignOutAfterOutbox,
} from '@/features/events/components/outbox-panel';
import {
  dictionaryQueries,
  useCountries,
  useCurrencies,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import { useObjects } from '@/features/objects/api/queries';
import { profileQueries, useProfile } from '@/features/profile/api/queries';
import { fullName } from '@/features/profile/utils/full-name';
import {
  getLastSessionEnd,
  getToken,
  setSessionOwner,
  useToken,
} from '@/api/auth-session';
import { formatMoment, languageEndonym, warmUpFormats } from '@/lib/format';
import { useShownAsOf } from '@/lib/offline-copy';
import { useOutbox } from '@/lib/outbox';
import {
  formattingLocale,
  LocaleSettingsProvider,
} from '@/lib/locale-settings';
import { loginPathFor } from '@/lib/return-to';
import { syncTheme } from '@/lib/theme';

export const clientLoader = (queryClient: QueryClient) => () => {
  // Started together, not awaited: the shell renders at once with skeletons.
  void queryClient.prefetchQuery(profileQueries.me());
  void queryClient.prefetchQuery(dictionaryQueries.languages());
  void queryClient.prefetchQuery(dictionaryQueries.currencies());
  void queryClient.prefetchQuery(dictionaryQueries.countries());
  return null;
};

/**
 * Leaves for the sign-in page as soon as the session ends, however it ended
 * (here, in another tab, or by a 401), and forgets every cached answer once
 * nothing signed-in is left on screen.
 */
function useLeaveWhenSignedOut() {
  const token = useToken();
  // Mid-navigation, the page the user was going to is the one to return to.
  const pending = useNavigation().location;
  const current = useLocation();
  const location = pending ?? current;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (token) return;
    const here = location.pathname + location.search;
    void navigate(
      // Back to this page after signing in again, unless the user signed
      // out here on purpose.
      getLastSessionEnd() === 'signed-out' ? '/login' : loginPathFor(here),
      { replace: true },
    );
  }, [token, location, navigate]);
  useEffect(
    () => () => {
      if (!getToken()) queryClient.clear();
    },
    [queryClient],
  );
}

/**
 * The profile's language wins over the browser's, once the profile is known;
 * a profile that cannot be read is said, with Retry, on every page but the
 * profile's own (which says it itself).
 */
function useProfileNotice() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const onProfilePage = useMatch('/profile') !== null;
  const profile = useProfile();
  const languages = useLanguages();
  const language =
    profile.data && languages.data?.byId.get(profile.data.languageId);
  const code = language ? language.code : null;
  useEffect(() => {
    if (code) void setUiLanguage(code);
  }, [code]);
  if (profile.isError && !onProfilePage) {
    return (
      <Alert
        className="mb-4"
        action={
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void profile.refetch()}
          >
            {t('actions.retry')}
          </Button>
        }
      >
        {t('profileUnreadable')} {errorText(profile.error)}
      </Alert>
    );
  }
  return language && !uiLanguageFor(language.code) ? (
    <Alert tone="info" className="mb-4">
      {t('language.notTranslated', {
        language: languageEndonym(language.code, language.name),
      })}
    </Alert>
  ) : null;
}

/** Money and dates follow the profile's language, country and currency. */
function useProfileLocaleSettings() {
  const profile = useProfile();
  const languages = useLanguages();
  const currencies = useCurrencies();
  const countries = useCountries();
  return useMemo(() => {
    const language =
      profile.data && languages.data?.byId.get(profile.data.languageId);
    const country =
      profile.data && countries.data?.byId.get(profile.data.countryId);
    return {
      locale: language && formattingLocale(language.code, country?.code),
      currency:
        profile.data && currencies.data?.byId.get(profile.data.currencyId),
    };
  }, [profile.data, languages.data, currencies.data, countries.data]);
}

/** What waits in the outbox, with the names of the properties it is about. */
function UnsentChanges() {
  const objects = useObjects();
  return <OutboxPanel objects={objects.data} />;
}

export function Component() {
  const { t } = useTranslation();
  useLeaveWhenSignedOut();
  useEffect(syncTheme, []);
  useEffect(() => warmUpFormats(document.documentElement.lang), []);
  const profileNotice = useProfileNotice();
  const localeSettings = useProfileLocaleSettings();
  const profile = useProfile();
  // What a session left unfinished goes back to this user only.
  const ownerId = profile.data?.id ?? null;
  useEffect(() => {
    setSessionOwner(ownerId);
    return () => setSessionOwner(null);
  }, [ownerId]);
  const logout = useLogout();
  const unsent = useOutbox().length > 0;
  const signOut = useSignOutAfterOutbox(() => logout.mutate());
  const asOf = useShownAsOf();
  const nav: NavItem[] = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/objects', label: t('nav.objects') },
    { to: '/events', label: t('nav.events') },
    { to: '/reports', label: t('nav.reports') },
    { to: '/profile', label: t('nav.profile') },
  ];
  // No name to wait for once the profile has failed.
  const name = profile.data
    ? fullName(profile.data)
    : profile.isError
      ? ''
      : undefined;
  return (
    <AppLayout
      nav={nav}
      userName={name}
      onSignOut={signOut.start}
      signingOut={signOut.sending || logout.isPending}
      notice={profileNotice}
      shownAsOf={
        asOf === null
          ? undefined
          : formatMoment(
              asOf,
              localeSettings.locale ?? document.documentElement.lang,
            )
      }
    >
      <LocaleSettingsProvider value={localeSettings}>
        {unsent && <UnsentChanges />}
        <Outlet />
      </LocaleSettingsProvider>
      {signOut.dialog}
      <Toaster />
    </AppLayout>
  );
}
