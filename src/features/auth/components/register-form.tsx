import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';

import { toApiError } from '@/api/errors';
import { zRegisterBody } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input, Select } from '@/components/ui/input';
import { PasswordInput } from '@/components/ui/password-input';
import { PhoneInput } from '@/components/ui/phone-input';
import { Spinner } from '@/components/ui/spinner';
import {
  useCountries,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import { regionName, todayIso } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { maskDigitCount, nationalDigits } from '@/utils/phone';

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
      zRegisterBody.check(
        z.superRefine((values, ctx) => {
          const country = countries.data?.byId.get(values.countryId);
          if (
            country &&
            nationalDigits(values.phone, country.phoneCode).length !==
              maskDigitCount(country.phoneMask)
          ) {
            ctx.addIssue({
              code: 'custom',
              path: ['phone'],
              message: t('register.phoneIncomplete', {
                format: country.phoneMask,
              }),
            });
          }
          if (values.birthDate > todayIso()) {
            ctx.addIssue({
              code: 'custom',
              path: ['birthDate'],
              message: t('register.birthDateFuture'),
            });
          } else if (values.birthDate < '1900-01-01') {
            ctx.addIssue({
              code: 'custom',
              path: ['birthDate'],
              message: t('register.birthDateTooOld'),
            });
          }
        }),
      ),
    [countries.data, t],
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

  const countryId = useWatch({ control: form.control, name: 'countryId' });
  const country = countries.data?.byId.get(countryId);
  const countryOptions = useMemo(
    () =>
      (countries.data?.list ?? [])
        .map((item) => ({
          id: item.id,
          label: regionName(item.code, item.name, i18n.language),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [countries.data, i18n.language],
  );

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    const languageId = languages.data?.list.find(
      (language) => language.code.split('-')[0] === i18n.resolvedLanguage,
    )?.id;
    registerMutation.mutate(
      { ...values, languageId },
      {
        onSuccess,
        onError: (error) => {
          const apiError = toApiError(error);
          const unmatched = applyServerFieldErrors(
            error,
            form.setError,
            FIELDS,
            (field, message) =>
              apiError.status !== 409
                ? message
                : field === 'login'
                  ? t('register.loginTaken')
                  : field === 'email'
                    ? t('register.emailTaken')
                    : message,
          );
          const known = apiError.status === 422 || apiError.status === 409;
          if (!known || unmatched.length > 0) {
            setFormError([errorText(error), ...unmatched].join(' '));
          }
        },
      },
    );
  });

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-2"
      >
        {formError && <Alert className="sm:col-span-2">{formError}</Alert>}
        {countries.isError && (
          <Alert
            className="sm:col-span-2"
            action={
              <Button
                variant="secondary"
                size="sm"
                onClick={() => void countries.refetch()}
              >
                {t('actions.retry', { ns: 'common' })}
              </Button>
            }
          >
            {t('register.countriesFailed')}
          </Alert>
        )}
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
              min="1900-01-01"
              max={todayIso()}
              autoComplete="bday"
            />
          )}
        </FormField>
        <FormField name="countryId" label={t('register.country')}>
          {(control) => (
            <Select
              {...control}
              {...form.register('countryId', {
                setValueAs: (value: string) =>
                  value === '' ? undefined : Number(value),
              })}
              autoComplete="country"
              defaultValue=""
            >
              <option value="" disabled>
                {t('register.chooseCountry')}
              </option>
              {countryOptions.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          name="phone"
          label={t('register.phone')}
          hint={
            country
              ? t('register.phoneHint', {
                  format: `${country.phoneCode} ${country.phoneMask}`,
                })
              : t('register.phoneNeedsCountry')
          }
        >
          {(control) => (
            <Controller
              control={form.control}
              name="phone"
              render={({ field }) => (
                <PhoneInput
                  {...control}
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  phoneCode={country?.phoneCode ?? '+'}
                  mask={country?.phoneMask ?? ''}
                  disabled={!country}
                />
              )}
            />
          )}
        </FormField>
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
