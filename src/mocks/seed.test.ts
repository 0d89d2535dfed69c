import { describe, expect, it } from 'vitest';

import {
  zCountry,
  zCurrency,
  zEvent,
  zLanguage,
  zPropertyObject,
  zUser,
} from '@/api/generated/zod.gen';

import {
  countries,
  createSeedSnapshot,
  currencies,
  defaultsForCountry,
  languages,
} from './seed';

const today = '2025-06-15';
const snapshot = createSeedSnapshot({ today });

function ownerOf(login: string) {
  const user = snapshot.users.find((u) => u.login === login);
  if (!user) throw new Error(`no ${login}`);
  const objects = snapshot.objects.filter((o) => o.ownerId === user.id);
  const objectIds = new Set(objects.map((o) => o.id));
  const events = snapshot.events.filter((e) => objectIds.has(e.object_id));
  return { user, objects, events };
}

describe('the seed', () => {
  it('is the same for the same seed and day, and differs otherwise', () => {
    expect(JSON.stringify(createSeedSnapshot({ today }))).toBe(
      JSON.stringify(snapshot),
    );
    expect(JSON.stringify(createSeedSnapshot({ today, seed: 7 }))).not.toBe(
      JSON.stringify(snapshot),
    );
  });

  it('is generated well within 50 ms', () => {
    const times: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const started = performance.now();
      createSeedSnapshot({ today, seed: i });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[3]).toBeLessThan(50);
  });

  it('refuses a day that is not a YYYY-MM-DD date', () => {
    expect(() => createSeedSnapshot({ today: '2025-02-30' })).toThrow();
    expect(() => createSeedSnapshot({ today: '15.06.2025' })).toThrow();
  });

  it('gives admin six properties and about 3,000 events over three years and three months', () => {
    const admin = ownerOf('admin');
    expect(admin.user).toMatchObject({
      login: 'admin',
      password: 'Qwerty123',
      countryId: 1,
      currencyId: 1,
      languageId: 1,
    });
    expect(admin.objects).toHaveLength(6);
    expect(admin.events.length).toBeGreaterThan(2_800);
    expect(admin.events.length).toBeLessThan(3_300);
    const dates = admin.events.map((e) => e.notification_date).sort();
    expect(dates[0]! >= '2022-06-15' && dates[0]! < '2022-07-01').toBe(true);
    expect(dates.at(-1)! > '2025-09-01' && dates.at(-1)! <= '2025-09-15').toBe(
      true,
    );
  });

  it('gives olga two properties and about 100 events of her own', () => {
    const olga = ownerOf('olga');
    expect(olga.objects).toHaveLength(2);
    expect(olga.events.length).toBeGreaterThan(80);
    expect(olga.events.length).toBeLessThan(130);
  });

  it('leaves some months of some objects without events', () => {
    const admin = ownerOf('admin');
    const gaps = admin.objects.filter((object) => {
      const months = new Set(
        admin.events
          .filter((e) => e.object_id === object.id)
          .map((e) => e.notification_date.slice(0, 7)),
      );
      const sorted = [...months].sort();
      const [first, last] = [sorted[0] ?? '', sorted.at(-1) ?? ''];
      let count = 0;
      for (let m = first; m <= last;) {
        count += 1;
        const [y = 0, mo = 0] = m.split('-').map(Number);
        m =
          mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
      }
      return count > months.size;
    });
    expect(gaps.length).toBeGreaterThan(0);
  });

  it('holds rows that match the contract', () => {
    for (const user of snapshot.users) zUser.parse(user);
    for (const object of snapshot.objects) zPropertyObject.parse(object);
    for (const event of snapshot.events) {
      zEvent.parse(event);
      expect(event.income > 0 !== event.expense > 0).toBe(true);
    }
    expect(new Set(snapshot.events.map((e) => e.id)).size).toBe(
      snapshot.events.length,
    );
  });

  it('writes each user’s data in the language of their app: admin’s in Russian, olga’s in English', () => {
    const code = (languageId: number) =>
      languages.find((l) => l.id === languageId)?.code;
    const admin = ownerOf('admin');
    const olga = ownerOf('olga');
    expect(code(admin.user.languageId)).toBe('ru');
    expect(code(olga.user.languageId)).toBe('en');
    const texts = ({ user, objects, events }: ReturnType<typeof ownerOf>) => [
      user.name,
      user.surname,
      ...objects.flatMap((o) => [o.name, o.address]),
      ...events.map((e) => e.description),
    ];
    // Russian: every text has Cyrillic (a brand such as Indesit may stand in
    // Latin letters beside it); English: nothing but ASCII.
    const notRussian = texts(admin).filter((t) => !/[а-яё]/i.test(t));
    const notEnglish = texts(olga).filter((t) => !/^[\x20-\x7e]+$/.test(t));
    expect(notRussian).toEqual([]);
    expect(notEnglish).toEqual([]);
  });

  it('gives its users phones in the format of their country', () => {
    for (const user of snapshot.users) {
      const country = countries.find((c) => c.id === user.countryId);
      if (!country) throw new Error(`no country for ${user.login}`);
      expect(user.phone.startsWith(country.phoneCode)).toBe(true);
      const national = user.phone.slice(country.phoneCode.length);
      expect(national).toHaveLength(country.phoneMask.split('#').length - 1);
    }
  });
});

describe('the dictionaries', () => {
  it('match the contract, with unique ids and codes', () => {
    expect(countries.length).toBeGreaterThanOrEqual(10);
    for (const [list, schema] of [
      [countries, zCountry],
      [currencies, zCurrency],
      [languages, zLanguage],
    ] as const) {
      for (const item of list) schema.parse(item);
      expect(new Set(list.map((i) => i.id)).size).toBe(list.length);
      expect(new Set(list.map((i) => i.code)).size).toBe(list.length);
    }
  });

  it('name countries in Russian with a mask digit per national digit', () => {
    for (const country of countries) {
      expect(country.name).toMatch(/^[А-ЯЁ][а-яё ]*$|^[А-ЯЁ]+$/);
      expect(country.phoneMask).toMatch(/^[#() -]+$/);
      const digits = country.phoneMask.split('#').length - 1;
      const codeDigits = country.phoneCode.length - 1;
      // E.164 allows 15 digits in all.
      expect(digits + codeDigits).toBeLessThanOrEqual(15);
    }
  });

  it('offer ru, en and the untranslated kk', () => {
    expect(languages.map((l) => l.code)).toEqual(['ru', 'en', 'kk']);
  });

  it('give every country a default language and currency', () => {
    for (const country of countries) {
      expect(defaultsForCountry(country.id), country.code).toBeDefined();
    }
    expect(defaultsForCountry(999)).toBeUndefined();
  });
});
