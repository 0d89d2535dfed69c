import type { MouseEvent } from 'react';

import { AuthLayout } from '@/components/layouts/auth-layout';
import { getLastSessionEnd } from '@/api/auth-session';
import { useTranslation } from '@/lib/i18n';
import { safeReturnTo } from '@/lib/return-to';

import { LoginForm } from './login-form';

/** Goes to another page of the app, in place of this entry or after it. */
export type Go = (to: string, options: { replace: boolean }) => void;

type SignInPageProps = {
  /** The `returnTo` of the address: where to go once signed in. */
  returnTo: string | null;
  go: Go;
};

/**
 * The sign-in page. It knows no router: the first page most visitors see
 * is shown before the app's router has loaded (src/app/show-page.tsx), and
 * inside the app too (src/app/routes/auth/login.tsx).
 */
export function SignInPage({ returnTo, go }: SignInPageProps) {
  const { t } = useTranslation('auth');
  const ended = getLastSessionEnd();
  const notice =
    ended === 'expired'
      ? t('login.expired')
      : ended === 'signed-out' || ended === 'signed-out-elsewhere'
        ? t('login.signedOut')
        : null;
  // A plain click stays in the app; a click that asks for a new tab or
  // window is left to the browser.
  const toRegister = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    go('/register', { replace: false });
  };
  return (
    <AuthLayout
      title={t('login.title')}
      footer={
        <>
          {t('login.noAccount')}{' '}
          <a
            href="/register"
            onClick={toRegister}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t('login.toRegister')}
          </a>
        </>
      }
    >
      <LoginForm
        notice={notice}
        onSuccess={() => go(safeReturnTo(returnTo), { replace: true })}
      />
    </AuthLayout>
  );
}
