import { useMemo } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';

import { useTranslation } from '@/lib/i18n';
import { DateField } from '@/components/form/date-field';
import { FormField } from '@/components/form/form-field';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PhoneInput } from '@/components/ui/phone-input';
import { regionName } from '@/lib/format';
import { phoneOfCountry } from '@/utils/phone';

import { useCountries } from '../api/queries';

type CountryPhoneValues = { countryId: number; phone: string };

/*
 * The person fields registration and the profile ask for, with one set of
 * labels: who (name, surname, birth date, login) and how to reach them
 * (country and phone, e-mail). Each sits in a two-column grid of its form.
 */

/** Name, surname, date of birth and login. */
export function PersonalFields() {
  const { t } = useTranslation('dictionaries');
  return (
    <>
      <TextField
        name="name"
        label={t('person.name')}
        autoComplete="given-name"
        dir="auto"
      />
      <TextField
        name="surname"
        label={t('person.surname')}
        autoComplete="family-name"
        dir="auto"
      />
      <DateField
        name="birthDate"
        label={t('person.birthDate')}
        autoComplete="bday"
      />
      <TextField
        name="login"
        label={t('person.login')}
        hint={t('person.loginHint')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
      />
    </>
  );
}

/**
 * The country (named in the UI language, sorted for it), a phone number
 * typed in that country's code and mask, and the e-mail. A new country
 * re-checks the number already typed.
 */
export function ContactFields() {
  const { t, i18n } = useTranslation(['dictionaries', 'common']);
  const countries = useCountries();
  const { control, getValues, setValue, trigger } =
    useFormContext<CountryPhoneValues>();
  const countryId = useWatch({ control, name: 'countryId' });
  const country = countries.data?.byId.get(countryId);
  const options = useMemo(
    () =>
      (countries.data?.list ?? [])
        .map((item) => ({
          value: item.id,
          label: regionName(item.code, item.name, i18n.language),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [countries.data, i18n.language],
  );

  return (
    <>
      {countries.isError && (
        <Alert
          className="col-span-full"
          action={
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void countries.refetch()}
            >
              {t('common:actions.retry')}
            </Button>
          }
        >
          {t('countriesFailed')}
        </Alert>
      )}
      <SelectField
        name="countryId"
        label={t('country')}
        numeric
        placeholder={
          countries.isPending ? t('common:status.loading') : t('chooseCountry')
        }
        options={options}
        autoComplete="country"
        busy={countries.isPending}
        onChosen={(id) => {
          const next = countries.data?.byId.get(Number(id));
          const phone = getValues('phone');
          if (!phone) return;
          // The digits stay, read as a number of the new country.
          if (country && next) {
            setValue(
              'phone',
              phoneOfCountry(
                phone,
                country.phoneCode,
                next.code,
                next.phoneMask,
              ),
              { shouldDirty: true },
            );
          }
          void trigger('phone');
        }}
      />
      <FormField
        name="phone"
        label={t('phone')}
        hint={
          country
            ? t('phoneHint', {
                format: `${country.phoneCode} ${country.phoneMask}`,
              })
            : t('phoneNeedsCountry')
        }
      >
        {(fieldControl) => (
          <Controller
            control={control}
            name="phone"
            render={({ field }) => (
              <PhoneInput
                {...fieldControl}
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                country={country?.code ?? ''}
                phoneCode={country?.phoneCode ?? '+'}
                mask={country?.phoneMask ?? ''}
                disabled={!country}
                // A +code of a country in the list chooses it; any other
                // is said by the check ("a number of another country").
                onCountryTyped={(code) => {
                  const typed = countries.data?.list.find(
                    (item) => item.code === code,
                  );
                  if (typed) {
                    setValue('countryId', typed.id, { shouldDirty: true });
                  }
                }}
              />
            )}
          />
        )}
      </FormField>
      <TextField
        name="email"
        label={t('person.email')}
        className="col-span-full"
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
    </>
  );
}
