import { useMutation } from '@tanstack/react-query';

import {
  login,
  register,
  updateProfile,
  type RegisterRequest,
} from '@/api/generated';
import { startSession } from '@/api/auth-session';

export type RegisterInput = RegisterRequest & {
  /** The dictionary language the person registered in, kept as theirs. */
  languageId: number | undefined;
};

export function useRegister() {
  return useMutation({
    mutationFn: async ({ languageId, ...body }: RegisterInput) => {
      const { data: created } = await register({ body });
      const { data } = await login({
        body: { login: body.login, password: body.password },
      });
      startSession(data.data.token, false);
      if (languageId !== undefined && languageId !== created.data.languageId) {
        await updateProfile({ body: { languageId } });
      }
    },
  });
}
