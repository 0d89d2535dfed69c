import { Link, useNavigate } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { RegisterForm } from '@/features/auth/components/register-form';

export function Component() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  return (
    <AuthLayout
      wide
      title={t('register.title')}
      footer={
        <>
          {t('register.haveAccount')}{' '}
          <Link
            to="/login"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t('register.toLogin')}
          </Link>
        </>
      }
    >
      <RegisterForm onSuccess={() => void navigate('/', { replace: true })} />
    </AuthLayout>
  );
}
