import { z } from 'zod/mini';

import type { Country } from '@/api/generated';
import { i18n } from '@/lib/i18n';
import { checkPhone } from '@/utils/phone';
import { todayIso } from '@/utils/calendar-date';

const BIRTH_DATE_MIN = '1900-01-01';

/** The person fields registration and the profile share (PersonFields). */
export const PERSON_FIELDS = [
  'login',
  'name',
  'surname',
  'birthDate',
  'countryId',
  'phone',
  'email',
] as const;

type PersonValues = { countryId: number; phone: string; birthDate: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * What registration and the profile check beyond the contract: a whole
 * phone number of the chosen country, and a birth date that can be real.
 * Messages are in the UI language of the moment the form is checked.
 */
export function personChecks(countryById: (id: number) => Country | undefined) {
  return z.superRefine<PersonValues>(
    (values, ctx) => {
      const country = countryById(values.countryId);
      const phone = country && checkPhone(values.phone, country.code);
      if (phone && phone !== 'valid') {
        ctx.addIssue({
          code: 'custom',
          path: ['phone'],
          message: i18n.t(
            phone === 'other-country'
              ? 'dictionaries:validation.phoneOtherCountry'
              : 'dictionaries:validation.phoneIncomplete',
          ),
        });
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(values.birthDate)) return;
      if (values.birthDate > todayIso()) {
        ctx.addIssue({
          code: 'custom',
          path: ['birthDate'],
          message: i18n.t('dictionaries:validation.birthDateFuture'),
        });
      } else if (values.birthDate < BIRTH_DATE_MIN) {
        ctx.addIssue({
          code: 'custom',
          path: ['birthDate'],
          message: i18n.t('dictionaries:validation.birthDateTooOld'),
        });
      }
    },
    {
      // Also when other fields fail, so one submit shows every problem.
      when: ({ value }) =>
        isRecord(value) &&
        typeof value.phone === 'string' &&
        typeof value.birthDate === 'string',
    },
  );
}

/**
 * The server's 409 names the login or e-mail someone else has: say so in
 * the UI language; other messages are shown as the server wrote them.
 */
export function personServerMessage(status: number | null) {
  return (field: string, message: string): string => {
    if (status !== 409) return message;
    if (field === 'login') return i18n.t('dictionaries:validation.loginTaken');
    if (field === 'email') return i18n.t('dictionaries:validation.emailTaken');
    return message;
  };
}
