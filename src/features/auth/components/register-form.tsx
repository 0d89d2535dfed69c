import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod/mini';

import { toApiError } from '@/api/errors';
import { zRegisterBody } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { Spinner } from '@/components/ui/spinner';
import {
  useCountries,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import { CountryPhoneFields } from '@/features/dictionaries/components/country-phone-fields';
import {
  BIRTH_DATE_MIN,
  personChecks,
  personServerMessage,
} from '@/features/dictionaries/utils/person-checks';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { todayIso } from '@/utils/calendar-date';

import { useRegister } from '../api/use-register';

type RegisterFormValues = z.infer<typeof zRegisterBody>;

const FIELDS = [
  'login',
  'name',
  'surname',
  'birthDate',
  'countryId',
  'phone',
  'email',
  'password',
] as const satisfies readonly (keyof RegisterFormValues)[];

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const errorText = useErrorText();
  const countries = useCountries();
  const languages = useLanguages();
  const registerMutation = useRegister();
  const [formError, setFormError] = useState<string | null>(null);

  const schema = useMemo(
    () =>
      zRegisterBody.check(personChecks((id) => countries.data?.byId.get(id))),
    [countries.data],
  );

  const form = useForm<RegisterFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      login: '',
      name: '',
      surname: '',
      birthDate: '',
      phone: '',
      email: '',
      password: '',
    },
  });

  const register = useSubmitOnce(async (values: RegisterFormValues) => {
    setFormError(null);
    const languageId = languages.data?.list.find(
      (language) => language.code.split('-')[0] === i18n.resolvedLanguage,
    )?.id;
    try {
      await registerMutation.mutateAsync({ ...values, languageId });
    } catch (error) {
      setFormError(
        applyServerFieldErrors(
          error,
          form.setError,
          FIELDS,
          errorText,
          personServerMessage(toApiError(error).status),
        ),
      );
      return;
    }
    onSuccess();
  });
  const onSubmit = form.handleSubmit(register);

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-2"
      >
        {formError && <Alert className="sm:col-span-2">{formError}</Alert>}
        <FormField
          name="login"
          label={t('register.login')}
          hint={t('register.loginHint')}
          className="sm:col-span-2"
        >
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
        <FormField name="name" label={t('register.name')}>
          {(control) => (
            <Input
              {...control}
              {...form.register('name')}
              autoComplete="given-name"
              dir="auto"
            />
          )}
        </FormField>
        <FormField name="surname" label={t('register.surname')}>
          {(control) => (
            <Input
              {...control}
              {...form.register('surname')}
              autoComplete="family-name"
              dir="auto"
            />
          )}
        </FormField>
        <FormField name="birthDate" label={t('register.birthDate')}>
          {(control) => (
            <Input
              {...control}
              {...form.register('birthDate')}
              type="date"
              min={BIRTH_DATE_MIN}
              max={todayIso()}
              autoComplete="bday"
            />
          )}
        </FormField>
        <CountryPhoneFields alertClassName="sm:col-span-2" />
        <FormField name="email" label={t('register.email')}>
          {(control) => (
            <Input
              {...control}
              {...form.register('email')}
              type="email"
              autoComplete="email"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField
          name="password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
        >
          {(control) => (
            <PasswordInput
              {...control}
              {...form.register('password')}
              autoComplete="new-password"
            />
          )}
        </FormField>
        <Button
          type="submit"
          className="sm:col-span-2"
          disabled={registerMutation.isPending}
        >
          {registerMutation.isPending && <Spinner />}
          {registerMutation.isPending
            ? t('register.submitting')
            : t('register.submit')}
        </Button>
      </form>
    </FormProvider>
  );
}
