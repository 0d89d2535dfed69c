import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';

import { toApiError } from '@/api/errors';
import { zLoginBody } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { Spinner } from '@/components/ui/spinner';
import { useCountdown } from '@/hooks/use-countdown';
import { applyServerFieldErrors } from '@/lib/server-errors';

import { signIn } from '../api/sign-in';

const loginFormSchema = z.extend(zLoginBody, { remember: z.boolean() });
type LoginFormValues = z.infer<typeof loginFormSchema>;

type LoginFormProps = {
  onSuccess: () => void;
  notice?: string | null;
};

export function LoginForm({ onSuccess, notice }: LoginFormProps) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const form = useForm<LoginFormValues>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { login: '', password: '', remember: false },
  });
  const [secondsLeft, startThrottleCountdown] = useCountdown();
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signIn(values);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 429) {
        startThrottleCountdown(apiError.retryAfter ?? 30);
        return;
      }
      if (apiError.status === 401) {
        setFormError(t('login.wrongCredentials'));
        form.setFocus('password');
        return;
      }
      const unmatched = applyServerFieldErrors(error, form.setError, [
        'login',
        'password',
      ]);
      if (apiError.status !== 422 || unmatched.length > 0) {
        setFormError([errorText(error), ...unmatched].join(' '));
      }
      return;
    }
    onSuccess();
  });
  const submitting = form.formState.isSubmitting;

  const throttled = secondsLeft > 0;
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {notice && !formError && !throttled && (
          <Alert tone="info">{notice}</Alert>
        )}
        {throttled && (
          <Alert>{t('login.throttled', { count: secondsLeft })}</Alert>
        )}
        {formError && !throttled && <Alert>{formError}</Alert>}
        <FormField name="login" label={t('login.login')}>
          {(control) => (
            <Input
              {...control}
              {...form.register('login')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField name="password" label={t('login.password')}>
          {(control) => (
            <PasswordInput
              {...control}
              {...form.register('password')}
              autoComplete="current-password"
            />
          )}
        </FormField>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            {...form.register('remember')}
          />
          {t('login.remember')}
        </label>
        <Button type="submit" disabled={submitting || throttled}>
          {submitting && <Spinner />}
          {submitting ? t('login.submitting') : t('login.submit')}
        </Button>
        {import.meta.env.VITE_API_MOCK === 'true' && (
          <p className="text-center text-xs text-fg-muted">
            {t('login.demoHint', { login: 'admin', password: 'Qwerty123' })}
          </p>
        )}
      </form>
    </FormProvider>
  );
}
