import { useNavigate, useSearchParams } from 'react-router';

import { SignInPage } from '@/features/auth/components/sign-in-page';

export function Component() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <SignInPage
      returnTo={params.get('returnTo')}
      go={(to, options) => void navigate(to, options)}
    />
  );
}
