import { login, type LoginRequest } from '@/api/generated';
import { startSession } from '@/api/auth-session';

export type SignInInput = LoginRequest & { remember: boolean };

/**
 * A plain call rather than a query mutation: the sign-in page is the first
 * page, it caches nothing, and it loads no data layer (see the bench).
 */
export async function signIn({
  remember,
  ...credentials
}: SignInInput): Promise<void> {
  const { data } = await login({ body: credentials });
  startSession(data.data.token, remember);
}
