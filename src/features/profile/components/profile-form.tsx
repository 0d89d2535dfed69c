import { zodResolver } from '@hookform/resolvers/zod';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';

import { useTranslation, setUiLanguage, uiLanguageFor } from '@/lib/i18n';
import { toApiError } from '@/api/errors';
import type { Currency, Language, User } from '@/api/generated';
import { zUser } from '@/api/generated/zod.gen';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  EditConflictNotice,
  useEditConflict,
} from '@/components/ui/edit-conflict';
import { SelectField } from '@/components/form/select-field';
import { SubmitButton } from '@/components/form/submit-button';
import { useDateText } from '@/components/form/use-date-text';
import { useFillFromDraft } from '@/components/form/use-fill-from-draft';
import { Skeleton } from '@/components/ui/spinner';
import { showToast } from '@/components/ui/toaster';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import {
  useCountries,
  type Dictionary,
} from '@/features/dictionaries/api/queries';
import {
  ContactFields,
  PersonalFields,
} from '@/features/dictionaries/components/person-fields';
import {
  personChecks,
  personServerMessage,
} from '@/features/dictionaries/utils/person-checks';
import { useUnsavedChanges } from '@/hooks/use-unsaved-changes';
import {
  currencyName,
  formatMoney,
  languageEndonym,
  regionName,
} from '@/lib/format';
import { useSubmitOnce } from '@/hooks/use-submit-once';
import { dropDraft, useDraft } from '@/lib/drafts';
import { changedFields } from '@/lib/edit-conflicts';
import { formattingLocale, useFormat } from '@/lib/locale-settings';
import { applyServerFieldErrors } from '@/lib/server-errors';
import { cn } from '@/utils/cn';

import { useUpdateProfile } from '../api/update-profile';
import {
  profileFields,
  profileValues,
  type ProfileValues,
} from '../utils/profile-values';

const EXAMPLE_AMOUNT = 125_000;

const profileSchema = z.omit(zUser, { id: true });

type ProfileFormProps = {
  user: User;
  languages: Dictionary<Language>;
  currencies: Dictionary<Currency>;
};

function FormSection({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="border-b border-border px-4 py-5 sm:px-6"
    >
      <h2 id={id} className="mb-4 text-base font-semibold">
        {title}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}

/** The key of the profile form's draft (lib/drafts). */
const PROFILE_DRAFT = 'profile-form';

/**
 * Every field of the profile, checked as at registration. Only what changed
 * is sent; the server's verdict lands under the fields.
 */
export function ProfileForm({ user, languages, currencies }: ProfileFormProps) {
  const { t, i18n } = useTranslation(['profile', 'common', 'dictionaries']);
  const errorText = useErrorText();
  const countries = useCountries();
  const update = useUpdateProfile();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const conflict = useEditConflict<User>();

  const dates = useDateText();
  const schema = useMemo(
    () =>
      z
        .extend(profileSchema, {
          birthDate: z.pipe(dates.schema, profileSchema.shape.birthDate),
        })
        .check(personChecks((id) => countries.data?.byId.get(id))),
    [countries.data, dates],
  );
  // The form shows the birth date as the owner's locale writes it.
  const formValues = useCallback(
    (of: User): ProfileValues => {
      const values = profileValues(of);
      return { ...values, birthDate: dates.format(values.birthDate) };
    },
    [dates],
  );
  const form = useForm<ProfileValues, unknown, ProfileValues>({
    resolver: zodResolver(schema),
    defaultValues: formValues(user),
  });
  const { isDirty } = form.formState;
  const blocker = useUnsavedChanges(isDirty, {
    key: PROFILE_DRAFT,
    values: () => form.getValues(),
  });
  // Filled again with what was typed before the session ended.
  const kept = useDraft<ProfileValues>(PROFILE_DRAFT);
  useFillFromDraft(form, kept);
  useEffect(() => {
    if (kept) dropDraft(PROFILE_DRAFT);
  }, [kept]);

  // The profile may change elsewhere (another tab): take it in, but keep
  // whatever the user is editing here.
  useEffect(() => {
    form.reset(formValues(user), { keepDirtyValues: true, keepDirty: true });
  }, [form, user, formValues]);

  const [languageId, currencyId, countryId] = useWatch({
    control: form.control,
    name: ['languageId', 'currencyId', 'countryId'],
  });
  const language = languages.byId.get(languageId);
  const currency = currencies.byId.get(currencyId);

  const languageOptions = useMemo(
    () =>
      languages.list.map((item) => ({
        value: item.id,
        lang: item.code,
        label: languageEndonym(item.code, item.name),
      })),
    [languages],
  );
  const currencyOptions = useMemo(
    () =>
      currencies.list
        .map((item) => {
          const name = currencyName(item.code, item.name, i18n.language);
          const mark = item.symbol && item.symbol !== item.code;
          return {
            value: item.id,
            label: `${name} (${mark ? item.symbol : item.code})`,
          };
        })
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [currencies, i18n.language],
  );

  const failed = (error: unknown) =>
    setFormError(
      applyServerFieldErrors(
        error,
        form.setError,
        profileFields,
        errorText,
        personServerMessage(toApiError(error).status),
      ),
    );
  const done = async (
    data: User,
    title: 'profile:saved' | 'common:conflict.keptTheirs',
  ) => {
    form.reset(formValues(data));
    setSaved(true);
    const code = languages.byId.get(data.languageId)?.code;
    // Said in the language just chosen, not the one being left.
    await setUiLanguage(code ?? i18n.language);
    showToast({ title: i18n.t(title) });
  };

  const save = useSubmitOnce(async (values: ProfileValues) => {
    const patch = changedFields(profileValues(user), values, profileFields);
    if (Object.keys(patch).length === 0) return;
    setFormError(null);
    let data;
    try {
      data = await update.mutateAsync({ user, patch });
    } catch (error) {
      if (!conflict.caught(error, patch)) failed(error);
      return;
    }
    await done(data, 'profile:saved');
  });

  // Someone else changed the profile meanwhile, and the owner has chosen.
  const settle = async (keepMine: boolean) => {
    const edit = conflict.settle(keepMine);
    if (!edit) return;
    if (Object.keys(edit.patch).length === 0) {
      await done(edit.start, 'common:conflict.keptTheirs');
      return;
    }
    try {
      await done(
        await update.mutateAsync({
          user: edit.start,
          patch: edit.patch,
          settled: true,
        }),
        'profile:saved',
      );
    } catch (error) {
      failed(error);
    }
  };
  const format = useFormat();
  const fieldLabels: Record<keyof ProfileValues, string> = {
    login: t('dictionaries:person.login'),
    name: t('dictionaries:person.name'),
    surname: t('dictionaries:person.surname'),
    birthDate: t('dictionaries:person.birthDate'),
    countryId: t('dictionaries:country'),
    phone: t('dictionaries:phone'),
    email: t('dictionaries:person.email'),
    languageId: t('fields.language'),
    currencyId: t('fields.currency'),
  };
  const fieldLabel = (field: keyof User) =>
    field === 'id' ? '' : fieldLabels[field];
  const fieldValue = (field: keyof User, value: unknown) => {
    const id = Number(value);
    switch (field) {
      case 'birthDate':
        return format.date(String(value));
      case 'countryId': {
        const country = countries.data?.byId.get(id);
        return country
          ? regionName(country.code, country.name, i18n.language)
          : String(value);
      }
      case 'languageId':
        return languageOptions.find((option) => option.value === id)?.label;
      case 'currencyId':
        return currencyOptions.find((option) => option.value === id)?.label;
      default:
        return String(value);
    }
  };
  const onSubmit = form.handleSubmit(save);

  const status = isDirty
    ? t('status.unsaved')
    : saved
      ? t('status.saved')
      : null;

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={onSubmit}
        aria-busy={update.isPending}
        className="rounded-lg border border-border bg-surface"
      >
        <FormSection title={t('sections.personal')}>
          <PersonalFields />
        </FormSection>

        <FormSection title={t('sections.contacts')}>
          <ContactFields />
        </FormSection>

        <FormSection title={t('sections.regional')}>
          <SelectField
            name="languageId"
            label={t('fields.language')}
            numeric
            options={languageOptions}
            hint={
              language && !uiLanguageFor(language.code)
                ? t('languageFallbackHint', {
                    language: languageEndonym(language.code, language.name),
                  })
                : t('languageHint')
            }
          />
          <SelectField
            name="currencyId"
            label={t('fields.currency')}
            numeric
            options={currencyOptions}
            hint={
              currency &&
              t('currencyHint', {
                example: formatMoney(
                  EXAMPLE_AMOUNT,
                  currency,
                  formattingLocale(
                    language?.code ?? i18n.language,
                    countries.data?.byId.get(countryId)?.code,
                  ),
                ),
              })
            }
          />
        </FormSection>

        <div
          className={cn(
            'flex flex-col gap-3 rounded-b-lg bg-surface px-4 py-4 sm:px-6',
            // While there is something to save, Save stays in reach.
            isDirty &&
              'sticky bottom-16 z-10 shadow-[0_-1px_0_var(--border)] sm:bottom-0',
          )}
        >
          {formError && <Alert>{formError}</Alert>}
          {conflict.shown && (
            <EditConflictNotice
              shown={conflict.shown}
              label={fieldLabel}
              value={fieldValue}
              onSettle={(keepMine) => void settle(keepMine)}
              busy={update.isPending}
            />
          )}
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
            <p
              role="status"
              className="flex items-center gap-2 text-sm text-fg-muted sm:mr-auto"
            >
              {status && (
                <>
                  <span
                    aria-hidden="true"
                    className={
                      isDirty ? 'size-2 rounded-full bg-primary' : 'text-income'
                    }
                  >
                    {isDirty ? null : '✓'}
                  </span>
                  {status}
                </>
              )}
            </p>
            <div className="grid auto-cols-fr grid-flow-col gap-2 sm:flex">
              {isDirty && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    form.reset(formValues(user));
                    setFormError(null);
                  }}
                  disabled={update.isPending}
                >
                  {t('discard')}
                </Button>
              )}
              <SubmitButton
                pending={update.isPending}
                disabled={!isDirty}
                label={t('common:actions.save')}
                pendingLabel={t('common:actions.saving')}
              />
            </div>
          </div>
        </div>
      </form>
      <UnsavedChangesDialog blocker={blocker} />
    </FormProvider>
  );
}

/** The form's shape while the profile loads, so nothing jumps. */
export function ProfileFormSkeleton() {
  const sections = [4, 3, 2];
  return (
    <div
      aria-hidden="true"
      className="rounded-lg border border-border bg-surface"
    >
      {sections.map((fields, index) => (
        <div key={index} className="border-b border-border px-4 py-5 sm:px-6">
          <Skeleton className="mb-4 h-5 w-40" />
          <div className="grid gap-4 sm:grid-cols-2">
            {Array.from({ length: fields }, (_, field) => (
              <div key={field} className="flex flex-col gap-1.5">
                <Skeleton className="h-4 w-24" />
                <Skeleton className="h-10 w-full" />
              </div>
            ))}
          </div>
        </div>
      ))}
      <div className="flex justify-end px-4 py-4 sm:px-6">
        <Skeleton className="h-10 w-28" />
      </div>
    </div>
  );
}
