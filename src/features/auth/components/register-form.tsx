import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod/mini';

import { useTranslation } from '@/lib/i18n';
import { toApiError } from '@/api/errors';
import { zRegisterBody } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { FormField } from '@/components/form/form-field';
import { SubmitButton } from '@/components/form/submit-button';
import { useDateText } from '@/components/form/use-date-text';
import { Alert } from '@/components/ui/alert';
import { PasswordInput } from '@/components/ui/password-input';
import {
  useCountries,
  useLanguages,
} from '@/features/dictionaries/api/queries';
import {
  ContactFields,
  PersonalFields,
} from '@/features/dictionaries/components/person-fields';
import {
  PERSON_FIELDS,
  personChecks,
  personServerMessage,
} from '@/features/dictionaries/utils/person-checks';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { applyServerFieldErrors } from '@/lib/server-errors';

import { useRegister } from '../api/use-register';

type RegisterFormValues = z.infer<typeof zRegisterBody>;

const FIELDS = [
  ...PERSON_FIELDS,
  'password',
] as const satisfies readonly (keyof RegisterFormValues)[];

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const errorText = useErrorText();
  const countries = useCountries();
  const languages = useLanguages();
  const registerMutation = useRegister();
  const dates = useDateText();
  const [formError, setFormError] = useState<string | null>(null);

  const schema = useMemo(
    () =>
      z
        .extend(zRegisterBody, {
          birthDate: z.pipe(dates.schema, zRegisterBody.shape.birthDate),
        })
        .check(personChecks((id) => countries.data?.byId.get(id))),
    [countries.data, dates],
  );

  const form = useForm<RegisterFormValues, unknown, RegisterFormValues>({
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
      (language) => language.code.split('-')[0] === i18n.language,
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
      {/* Like sign-in's, prerendered: posted if ever sent without code. */}
      <form
        method="post"
        noValidate
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-2"
      >
        {formError && <Alert className="col-span-full">{formError}</Alert>}
        <PersonalFields />
        <ContactFields />
        <FormField
          name="password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
          className="col-span-full"
        >
          {(control) => (
            <PasswordInput
              {...control}
              {...form.register('password')}
              autoComplete="new-password"
            />
          )}
        </FormField>
        <SubmitButton
          className="col-span-full"
          pending={registerMutation.isPending}
          label={t('register.submit')}
          pendingLabel={t('register.submitting')}
        />
      </form>
    </FormProvider>
  );
}
