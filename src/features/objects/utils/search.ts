import { z } from 'zod/mini';

import type { PropertyObject } from '@/api/generated';

export const objectSorts = [
  'name',
  '-name',
  '-area',
  'area',
  '-net',
  'net',
] as const;
export type ObjectSort = (typeof objectSorts)[number];

/** The list's search and sort as they stand in the URL. */
const searchSchema = z.object({
  q: z.catch(z.string().check(z.maxLength(200)), ''),
  sort: z.catch(z.enum(objectSorts), 'name'),
});
export type ObjectsSearch = z.infer<typeof searchSchema>;

export function parseObjectsSearch(params: URLSearchParams): ObjectsSearch {
  return searchSchema.parse({
    q: params.get('q') ?? undefined,
    sort: params.get('sort') ?? undefined,
  });
}

/** The URL's params for a search; defaults are left out. */
export function objectsSearchParams(
  search: ObjectsSearch,
  base: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(base);
  if (search.q.trim()) params.set('q', search.q);
  else params.delete('q');
  if (search.sort !== 'name') params.set('sort', search.sort);
  else params.delete('sort');
  return params;
}

function normalize(text: string, locale: string): string {
  return text.normalize('NFC').toLocaleLowerCase(locale).replace(/ё/g, 'е');
}

/**
 * The objects that match the query by name or address, sorted; sorting by
 * net waits for `netOf` to know the object, the name decides ties.
 */
export function searchObjects<T extends PropertyObject>(
  objects: readonly T[],
  { q, sort }: ObjectsSearch,
  locale: string,
  netOf: (id: number) => number | undefined,
): T[] {
  const words = normalize(q, locale).split(/\s+/).filter(Boolean);
  const matching = words.length
    ? objects.filter((object) => {
        const text = normalize(`${object.name} ${object.address}`, locale);
        return words.every((word) => text.includes(word));
      })
    : [...objects];
  const collator = new Intl.Collator(locale, {
    numeric: true,
    sensitivity: 'base',
  });
  const byName = (a: T, b: T) =>
    collator.compare(a.name, b.name) || a.id - b.id;
  const direction = sort.startsWith('-') ? -1 : 1;
  const key = sort.replace('-', '');
  const value = (object: T) =>
    key === 'area' ? object.area : key === 'net' ? netOf(object.id) : 0;
  return matching.sort((a, b) => {
    if (key === 'name') return direction * byName(a, b);
    const difference = (value(a) ?? 0) - (value(b) ?? 0);
    return direction * difference || byName(a, b);
  });
}
