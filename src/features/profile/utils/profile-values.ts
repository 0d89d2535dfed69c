import type { ProfileUpdate, User } from '@/api/generated';
import { PERSON_FIELDS } from '@/features/dictionaries/utils/person-checks';

/** Every editable field of the profile: the user without its id. */
export type ProfileValues = Required<ProfileUpdate>;

export const profileFields = [
  ...PERSON_FIELDS,
  'languageId',
  'currencyId',
] as const satisfies readonly (keyof ProfileValues)[];

export function profileValues(user: User): ProfileValues {
  const { id: _id, ...values } = user;
  return values;
}
