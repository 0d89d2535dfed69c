import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod/mini';

import { useTranslation } from '@/lib/i18n';
import { toApiError } from '@/api/errors';
import { zLoginBody } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { useCountdown } from '@/hooks/use-countdown';
import { serverVerdict } from '@/lib/server-field-errors';

import { signIn } from '../api/sign-in';

// Not react-hook-form, unlike the other forms: this is the first page, and its
// JS budget (docs/quality.md, 150 KB gzip) has no room for it. The inputs stay
// uncontrolled, and the form behaves as react-hook-form's default mode did:
// checked on submit, focus on the first invalid field, then each field
// re-checked as it changes.
const loginFormSchema = z.extend(zLoginBody, { remember: z.boolean() });
type LoginFormValues = z.infer<typeof loginFormSchema>;

const FIELDS = ['login', 'password'] as const;
type LoginField = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<LoginField, string>>;

function validate(form: HTMLFormElement): {
  values?: LoginFormValues;
  errors: FieldErrors;
} {
  const data = new FormData(form);
  const result = loginFormSchema.safeParse({
    login: data.get('login') ?? '',
    password: data.get('password') ?? '',
    remember: data.has('remember'),
  });
  if (result.success) return { values: result.data, errors: {} };
  const errors: FieldErrors = {};
  for (const { path, message } of result.error.issues) {
    const field = FIELDS.find((name) => name === path[0]);
    if (field) errors[field] ??= message;
  }
  return { errors };
}

function focusField(form: HTMLFormElement, field: LoginField | undefined) {
  const input = field && form.elements.namedItem(field);
  if (input instanceof HTMLInputElement) input.focus();
}

type LoginFormProps = {
  onSuccess: () => void;
  notice?: string | null;
};

export function LoginForm({ onSuccess, notice }: LoginFormProps) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [secondsLeft, startThrottleCountdown] = useCountdown();
  const [formError, setFormError] = useState<string | null>(null);
  const rememberId = useId();

  function onChange(event: FormEvent<HTMLFormElement>) {
    const { target } = event;
    const field =
      target instanceof HTMLInputElement
        ? FIELDS.find((name) => name === target.name)
        : undefined;
    if (!submitted || !field) return;
    const message = validate(event.currentTarget).errors[field];
    setErrors((current) => ({ ...current, [field]: message }));
  }

  function showFailure(error: unknown, form: HTMLFormElement) {
    const apiError = toApiError(error);
    if (apiError.status === 429) {
      startThrottleCountdown(apiError.retryAfter ?? 30);
      return;
    }
    if (apiError.status === 401) {
      setFormError(t('login.wrongCredentials'));
      focusField(form, 'password');
      return;
    }
    const { matched, banner } = serverVerdict(error, FIELDS, errorText);
    const serverErrors: FieldErrors = {};
    for (const { field, message } of matched) serverErrors[field] = message;
    setErrors(serverErrors);
    focusField(form, matched[0]?.field);
    setFormError(banner);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const form = event.currentTarget;
    const { values, errors: invalid } = validate(form);
    setSubmitted(true);
    setErrors(invalid);
    if (!values) {
      focusField(
        form,
        FIELDS.find((field) => invalid[field]),
      );
      return;
    }
    setFormError(null);
    setSubmitting(true);
    try {
      await signIn(values);
    } catch (error) {
      showFailure(error, form);
      return;
    } finally {
      setSubmitting(false);
    }
    onSuccess();
  }

  const throttled = secondsLeft > 0;
  return (
    // Painted from prerendered HTML, the form cannot be sent before its
    // code runs (SubmitButton); if anything ever did send it, it would
    // post, never put the password in the address.
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      onChange={onChange}
      className="flex flex-col gap-4"
    >
      {notice && !formError && !throttled && (
        <Alert tone="info">{notice}</Alert>
      )}
      {throttled && (
        <Alert>{t('login.throttled', { count: secondsLeft })}</Alert>
      )}
      {formError && !throttled && <Alert>{formError}</Alert>}
      <Field label={t('login.login')} error={errors.login}>
        {(control) => (
          <Input
            {...control}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t('login.password')} error={errors.password}>
        {(control) => (
          <PasswordInput
            {...control}
            name="password"
            autoComplete="current-password"
          />
        )}
      </Field>
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1 text-sm">
        <input
          id={rememberId}
          type="checkbox"
          name="remember"
          aria-describedby={`${rememberId}-hint`}
          className="size-4 accent-primary"
        />
        <label htmlFor={rememberId}>{t('login.remember')}</label>
        <p
          id={`${rememberId}-hint`}
          className="col-start-2 text-xs text-fg-muted"
        >
          {t('login.rememberHint')}
        </p>
      </div>
      <SubmitButton
        pending={submitting}
        disabled={throttled}
        label={t('login.submit')}
        pendingLabel={t('login.submitting')}
      />
      {import.meta.env.VITE_API_MOCK === 'true' && (
        <p className="text-center text-xs text-fg-muted">
          {t('login.demoHint', { login: 'admin', password: 'Qwerty123' })}
        </p>
      )}
    </form>
  );
}
