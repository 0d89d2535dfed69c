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

/** Only the fields that differ from what was loaded: the body of a PATCH. */
export function changedFields(
  values: ProfileValues,
  saved: ProfileValues,
): ProfileUpdate {
  const patch: ProfileUpdate = {};
  const copy = <K extends keyof ProfileValues>(field: K) => {
    if (values[field] !== saved[field]) patch[field] = values[field];
  };
  profileFields.forEach(copy);
  return patch;
}
