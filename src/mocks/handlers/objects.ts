import type {
  PropertyObjectListResponse,
  PropertyObjectResponse,
} from '@/api/generated';
import { zCreateObjectBody, zUpdateObjectBody } from '@/api/generated/zod.gen';

import { json, noContent, notFound, readBody } from '../http';
import { bodySchema, patchSchema, pathId, securedRoute } from './route';

const createBody = bodySchema(zCreateObjectBody);
const updateBody = patchSchema(zUpdateObjectBody);

export const objectHandlers = [
  securedRoute('get', '/objects', ({ db, userId }) =>
    json<PropertyObjectListResponse>({ data: db.listObjects(userId) }),
  ),

  securedRoute('post', '/objects', async ({ request, db, userId }) => {
    const body = await readBody(request, createBody);
    if (!body.ok) return body.response;
    const object = db.createObject(userId, body.value);
    return json<PropertyObjectResponse>({ data: object }, 201);
  }),

  securedRoute('get', '/objects/:id', ({ params, db, userId }) => {
    const id = pathId(params);
    if (!id.ok) return id.response;
    const object = db.getObject(userId, id.value);
    return object
      ? json<PropertyObjectResponse>({ data: object })
      : notFound('object');
  }),

  securedRoute('patch', '/objects/:id', async (context) => {
    const { request, params, db, userId } = context;
    const id = pathId(params);
    if (!id.ok) return id.response;
    if (!db.getObject(userId, id.value)) return notFound('object');
    const body = await readBody(request, updateBody);
    if (!body.ok) return body.response;
    const object = db.updateObject(userId, id.value, body.value);
    return object
      ? json<PropertyObjectResponse>({ data: object })
      : notFound('object');
  }),

  securedRoute('delete', '/objects/:id', ({ params, db, userId }) => {
    const id = pathId(params);
    if (!id.ok) return id.response;
    return db.deleteObject(userId, id.value) ? noContent() : notFound('object');
  }),
];
