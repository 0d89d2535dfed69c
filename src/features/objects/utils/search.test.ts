import { describe, expect, it } from 'vitest';

import type { PropertyObject } from '@/api/generated';

import {
  objectsSearchParams,
  parseObjectsSearch,
  searchObjects,
} from './search';

const objects: PropertyObject[] = [
  { id: 1, name: 'Квартира на Профсоюзной', area: 54.3, address: 'Москва' },
  { id: 2, name: 'Studio on Arbat', area: 28.5, address: 'Москва, Арбат' },
  { id: 3, name: 'ёлки, дача', area: 120, address: 'Истра' },
  { id: 4, name: 'Flat 10', area: 40, address: 'Kazan' },
  { id: 5, name: 'Flat 9', area: 40, address: 'Kazan' },
];
const nets = new Map([
  [1, 300],
  [2, -50],
  [3, 1000],
  [4, 0],
]);
const netOf = (id: number) => nets.get(id);
const names = (list: PropertyObject[]) => list.map((object) => object.id);

describe('parseObjectsSearch', () => {
  it('reads the URL, falling back to defaults for anything unknown', () => {
    expect(
      parseObjectsSearch(new URLSearchParams('q=arbat&sort=-net')),
    ).toEqual({ q: 'arbat', sort: '-net' });
    expect(parseObjectsSearch(new URLSearchParams('sort=price'))).toEqual({
      q: '',
      sort: 'name',
    });
  });

  it('writes only what differs from the defaults, keeping other params', () => {
    const base = new URLSearchParams('q=old&keep=1');
    expect(
      objectsSearchParams({ q: '  ', sort: 'name' }, base).toString(),
    ).toBe('keep=1');
    expect(
      objectsSearchParams({ q: 'Арбат', sort: 'area' }, base).toString(),
    ).toBe('q=%D0%90%D1%80%D0%B1%D0%B0%D1%82&keep=1&sort=area');
  });
});

describe('searchObjects', () => {
  it('finds by any words of the name or address, whatever the case or ё', () => {
    const found = (q: string) =>
      names(searchObjects(objects, { q, sort: 'name' }, 'ru', netOf));
    // Russian order puts Cyrillic names first.
    expect(found('москва')).toEqual([1, 2]);
    expect(found('АРБАТ студ')).toEqual([]);
    expect(found('арбат studio')).toEqual([2]);
    expect(found('елки')).toEqual([3]);
    expect(found('kazan')).toEqual([5, 4]);
  });

  it('sorts by name with numbers in order, area and net both ways', () => {
    const sorted = (sort: Parameters<typeof searchObjects>[1]['sort']) =>
      names(searchObjects(objects, { q: '', sort }, 'en', netOf));
    expect(sorted('name')).toEqual([5, 4, 2, 3, 1]);
    expect(sorted('-name')).toEqual([1, 3, 2, 4, 5]);
    expect(sorted('-area')).toEqual([3, 1, 5, 4, 2]);
    expect(sorted('area')).toEqual([2, 5, 4, 1, 3]);
    expect(sorted('-net')).toEqual([3, 1, 5, 4, 2]);
    expect(sorted('net')).toEqual([2, 5, 4, 1, 3]);
  });
});
