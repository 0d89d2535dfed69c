import { Link, useNavigate, useSearchParams } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { LoginForm } from '@/features/auth/components/login-form';
import { getLastSessionEnd } from '@/api/auth-session';
import { safeReturnTo } from '@/lib/return-to';

export function Component() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ended = getLastSessionEnd();
  const notice =
    ended === 'expired'
      ? t('login.expired')
      : ended === 'signed-out' || ended === 'signed-out-elsewhere'
        ? t('login.signedOut')
        : null;
  return (
    <AuthLayout
      title={t('login.title')}
      footer={
        <>
          {t('login.noAccount')}{' '}
          <Link
            to="/register"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t('login.toRegister')}
          </Link>
        </>
      }
    >
      <LoginForm
        notice={notice}
        onSuccess={() =>
          void navigate(safeReturnTo(params.get('returnTo')), {
            replace: true,
          })
        }
      />
    </AuthLayout>
  );
}
