import type { FieldError, UserResponse } from '@/api/generated';
import { zUpdateProfileBody } from '@/api/generated/zod.gen';

import { json, notFound, readBody, validationProblem } from '../http';
import { patchSchema, securedRoute } from './route';

const profileBody = patchSchema(zUpdateProfileBody);

export const profileHandlers = [
  securedRoute('get', '/profile', ({ db, userId }) => {
    const user = db.getUser(userId);
    return user ? json<UserResponse>({ data: user }) : notFound('user');
  }),

  securedRoute('patch', '/profile', async ({ request, db, userId }) => {
    const body = await readBody(request, profileBody);
    if (!body.ok) return body.response;
    const patch = body.value;
    const { countries, languages, currencies } = db.dictionaries;
    const unknown: FieldError[] = [];
    const known = (list: readonly { id: number }[], id: number | undefined) =>
      id === undefined || list.some((item) => item.id === id);
    if (!known(countries, patch.countryId)) {
      unknown.push({ field: 'countryId', message: 'No such country' });
    }
    if (!known(languages, patch.languageId)) {
      unknown.push({ field: 'languageId', message: 'No such language' });
    }
    if (!known(currencies, patch.currencyId)) {
      unknown.push({ field: 'currencyId', message: 'No such currency' });
    }
    if (unknown.length > 0) return validationProblem(unknown);
    const conflicts: FieldError[] = [];
    if (patch.login !== undefined && db.isLoginTaken(patch.login, userId)) {
      conflicts.push({ field: 'login', message: 'This login is taken' });
    }
    if (patch.email !== undefined && db.isEmailTaken(patch.email, userId)) {
      conflicts.push({ field: 'email', message: 'This e-mail is taken' });
    }
    if (conflicts.length > 0) return validationProblem(conflicts, 409);
    const user = db.updateUser(userId, patch);
    return user ? json<UserResponse>({ data: user }) : notFound('user');
  }),
];
