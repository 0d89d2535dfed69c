import type { ProfileUpdate, User } from '@/api/generated';

/** Every editable field of the profile: the user without its id. */
export type ProfileValues = Required<ProfileUpdate>;

export const profileFields = [
  'login',
  'name',
  'surname',
  'birthDate',
  'countryId',
  'phone',
  'email',
  'languageId',
  'currencyId',
] as const satisfies readonly (keyof ProfileValues)[];

export function profileValues(user: User): ProfileValues {
  const { id: _id, ...values } = user;
  return values;
}
