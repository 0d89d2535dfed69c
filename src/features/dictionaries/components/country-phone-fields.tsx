import { useMemo } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/input';
import { PhoneInput } from '@/components/ui/phone-input';
import { regionName } from '@/lib/format';
import { phoneOfCountry } from '@/utils/phone';

import { useCountries } from '../api/queries';

type CountryPhoneValues = { countryId: number; phone: string };

/**
 * The country (named in the UI language, sorted for it) and a phone number
 * typed in that country's code and mask, as registration and the profile
 * ask for them. A new country re-checks the number already typed.
 */
export function CountryPhoneFields({
  alertClassName,
}: {
  /** Where the "countries failed" alert sits in the form's grid. */
  alertClassName?: string;
}) {
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
          id: item.id,
          label: regionName(item.code, item.name, i18n.language),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [countries.data, i18n.language],
  );

  return (
    <>
      {countries.isError && (
        <Alert
          className={alertClassName}
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
      <FormField name="countryId" label={t('country')}>
        {(fieldControl) => (
          <Controller
            control={control}
            name="countryId"
            render={({ field }) => (
              <Select
                {...fieldControl}
                ref={field.ref}
                name={field.name}
                value={field.value === undefined ? '' : String(field.value)}
                onBlur={field.onBlur}
                onChange={(event) => {
                  const next = countries.data?.byId.get(
                    Number(event.target.value),
                  );
                  field.onChange(Number(event.target.value));
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
                autoComplete="country"
                aria-busy={countries.isPending}
              >
                <option value="" disabled>
                  {countries.isPending
                    ? t('common:status.loading')
                    : t('chooseCountry')}
                </option>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </Select>
            )}
          />
        )}
      </FormField>
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
    </>
  );
}
