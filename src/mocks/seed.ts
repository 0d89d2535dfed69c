import type { Country, Currency, Language } from '@/api/generated';

import type {
  DbSnapshot,
  Dictionaries,
  ObjectRecord,
  UserRecord,
} from './records';

export type SeedOptions = {
  /** The seed's "now", YYYY-MM-DD; defaults to the current local date. */
  today?: string;
  /** PRNG seed; the same seed and today give the same data. */
  seed?: number;
};

export const DEFAULT_SEED = 20_240_601;
export const DEMO_PASSWORD = 'Qwerty123';

export const countries: readonly Country[] = [
  {
    id: 1,
    name: 'Россия',
    code: 'RU',
    phoneCode: '+7',
    phoneMask: '(###) ###-##-##',
  },
  {
    id: 2,
    name: 'Казахстан',
    code: 'KZ',
    phoneCode: '+7',
    phoneMask: '(###) ###-##-##',
  },
  {
    id: 3,
    name: 'Беларусь',
    code: 'BY',
    phoneCode: '+375',
    phoneMask: '(##) ###-##-##',
  },
  {
    id: 4,
    name: 'Армения',
    code: 'AM',
    phoneCode: '+374',
    phoneMask: '(##) ###-###',
  },
  {
    id: 5,
    name: 'Грузия',
    code: 'GE',
    phoneCode: '+995',
    phoneMask: '(###) ###-###',
  },
  {
    id: 6,
    name: 'Узбекистан',
    code: 'UZ',
    phoneCode: '+998',
    phoneMask: '(##) ###-##-##',
  },
  {
    id: 7,
    name: 'Киргизия',
    code: 'KG',
    phoneCode: '+996',
    phoneMask: '(###) ###-###',
  },
  {
    id: 8,
    name: 'США',
    code: 'US',
    phoneCode: '+1',
    phoneMask: '(###) ###-####',
  },
  {
    id: 9,
    name: 'Великобритания',
    code: 'GB',
    phoneCode: '+44',
    phoneMask: '#### ######',
  },
  {
    id: 10,
    name: 'Германия',
    code: 'DE',
    phoneCode: '+49',
    phoneMask: '### ########',
  },
  {
    id: 11,
    name: 'Франция',
    code: 'FR',
    phoneCode: '+33',
    phoneMask: '# ## ## ## ##',
  },
  {
    id: 12,
    name: 'Турция',
    code: 'TR',
    phoneCode: '+90',
    phoneMask: '(###) ###-##-##',
  },
  {
    id: 13,
    name: 'ОАЭ',
    code: 'AE',
    phoneCode: '+971',
    phoneMask: '## ### ####',
  },
  {
    id: 14,
    name: 'Кипр',
    code: 'CY',
    phoneCode: '+357',
    phoneMask: '## ######',
  },
];

export const currencies: readonly Currency[] = [
  { id: 1, code: 'RUB', name: 'Российский рубль', symbol: '₽' },
  { id: 2, code: 'USD', name: 'Доллар США', symbol: '$' },
  { id: 3, code: 'EUR', name: 'Евро', symbol: '€' },
  { id: 4, code: 'KZT', name: 'Казахстанский тенге', symbol: '₸' },
  { id: 5, code: 'BYN', name: 'Белорусский рубль', symbol: 'Br' },
  { id: 6, code: 'AMD', name: 'Армянский драм', symbol: '֏' },
  { id: 7, code: 'GEL', name: 'Грузинский лари', symbol: '₾' },
  { id: 8, code: 'UZS', name: 'Узбекский сум', symbol: 'сўм' },
  { id: 9, code: 'KGS', name: 'Киргизский сом', symbol: 'сом' },
  { id: 10, code: 'GBP', name: 'Фунт стерлингов', symbol: '£' },
  { id: 11, code: 'TRY', name: 'Турецкая лира', symbol: '₺' },
  { id: 12, code: 'AED', name: 'Дирхам ОАЭ', symbol: 'د.إ' },
];

// kk is offered on purpose although the app has no Kazakh translation: it
// exercises the fallback to English.
export const languages: readonly Language[] = [
  { id: 1, code: 'ru', name: 'Русский' },
  { id: 2, code: 'en', name: 'English' },
  { id: 3, code: 'kk', name: 'Қазақша' },
];

export const dictionaries: Dictionaries = { countries, currencies, languages };

const countryDefaults: Record<string, { language: string; currency: string }> =
  {
    RU: { language: 'ru', currency: 'RUB' },
    KZ: { language: 'ru', currency: 'KZT' },
    BY: { language: 'ru', currency: 'BYN' },
    AM: { language: 'ru', currency: 'AMD' },
    GE: { language: 'en', currency: 'GEL' },
    UZ: { language: 'ru', currency: 'UZS' },
    KG: { language: 'ru', currency: 'KGS' },
    US: { language: 'en', currency: 'USD' },
    GB: { language: 'en', currency: 'GBP' },
    DE: { language: 'en', currency: 'EUR' },
    FR: { language: 'en', currency: 'EUR' },
    TR: { language: 'en', currency: 'TRY' },
    AE: { language: 'en', currency: 'AED' },
    CY: { language: 'en', currency: 'EUR' },
  };

/** The language and currency a new user of that country starts with. */
export function defaultsForCountry(
  countryId: number,
): { languageId: number; currencyId: number } | undefined {
  const country = countries.find((c) => c.id === countryId);
  const defaults = country && countryDefaults[country.code];
  if (!defaults) return undefined;
  const language = languages.find((l) => l.code === defaults.language);
  const currency = currencies.find((c) => c.code === defaults.currency);
  return language && currency
    ? { languageId: language.id, currencyId: currency.id }
    : undefined;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The current local date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth(), now.getDate());
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `month` is 0-based and may overflow into the next or previous year. */
function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

const monthsRu = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Draft = {
  notification_date: string;
  income: number;
  expense: number;
  description: string;
  object_id: number;
};

type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** `base` ± `spread` (a fraction), rounded to `step`. */
  around: (base: number, spread: number, step?: number) => number;
};

function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    around: (base, spread, step = 1) =>
      Math.max(
        step,
        Math.round((base * (1 + (next() * 2 - 1) * spread)) / step) * step,
      ),
  };
}

/** One calendar month of one object, as its generator sees it. */
type Month = {
  year: number;
  /** 0-based. */
  month: number;
  /** 1 to 4. */
  quarter: number;
  previousQuarter: { year: number; quarter: number };
  /** Whole years since the start of the span, for yearly indexation. */
  years: number;
  winter: boolean;
  /** Adds an event on `day`, clamped to the month, in the owner's language. */
  add: (day: number, amount: Amount, description: Text) => void;
  /** Whether `day` of this month is after today. */
  future: (day: number) => boolean;
  /** The month and year for descriptions, e.g. "март 2025", "March 2025". */
  ru: string;
  en: string;
};

type Amount = { income: number } | { expense: number };
type Text = readonly [ru: string, en: string];

type ObjectPlan = {
  object: Omit<ObjectRecord, 'id' | 'ownerId'>;
  /** Months, from the start of the span, before which it was not owned. */
  ownedFrom?: number;
  /** How many whole months leave no trace at all (a neglected ledger). */
  blankMonths?: number;
  month: (m: Month, r: Random) => void;
};

const repairsFlat: readonly Text[] = [
  ['Замена смесителя на кухне', 'Kitchen faucet replaced'],
  ['Ремонт стиральной машины', 'Washing machine repair'],
  ['Покраска стен в коридоре', 'Hallway walls repainted'],
  ['Замена замка входной двери', 'Front door lock replaced'],
  ['Чистка канализации', 'Drain cleaning'],
  ['Новый холодильник (Indesit)', 'New fridge (Indesit)'],
  ['Замена розеток и выключателей', 'Sockets and switches replaced'],
  ['Ремонт бойлера', 'Water heater repair'],
];
const repairsHouse: readonly Text[] = [
  ['Ремонт кровли', 'Roof repair'],
  ['Обслуживание газового котла', 'Gas boiler service'],
  ['Замена насоса скважины', 'Well pump replaced'],
  ['Покраска фасада', 'Facade painting'],
  ['Ремонт забора', 'Fence repair'],
  ['Чистка септика', 'Septic tank emptied'],
];
const repairsOffice: readonly Text[] = [
  ['Замена потолочных светильников', 'Ceiling lights replaced'],
  ['Ремонт кондиционера', 'Air conditioner repair'],
  ['Замена ковролина в переговорной', 'Meeting room carpet replaced'],
  ['Мелкий ремонт, сантехник', 'Plumber, minor works'],
];

/** Yearly growth by whole years since the start: rents and tariffs rise. */
function indexed(base: number, rate: number, years: number): number {
  return base * (1 + rate) ** years;
}

const adminPlans: readonly ObjectPlan[] = [
  {
    object: {
      name: 'Квартира на Профсоюзной',
      area: 54.3,
      address: 'Москва, ул. Профсоюзная, д. 43, корп. 2, кв. 118',
    },
    month: (m, r) => {
      const rent = Math.round(indexed(62_000, 0.06, m.years) / 500) * 500;
      m.add(5, { income: rent }, [`Аренда за ${m.ru}`, `Rent for ${m.en}`]);
      m.add(10, { expense: r.around(m.winter ? 8_900 : 6_400, 0.08) }, [
        'ЖКУ, единый платёжный документ',
        'Utilities bill (EPD)',
      ]);
      m.add(12, { expense: r.around(1_650, 0.25) }, [
        'Электроэнергия, Мосэнергосбыт',
        'Electricity (Mosenergosbyt)',
      ]);
      m.add(14, { expense: r.around(1_100, 0.2) }, [
        'Водоснабжение по счётчикам',
        'Water, metered',
      ]);
      m.add(16, { income: r.around(2_750, 0.2) }, [
        'Компенсация счётчиков от арендатора',
        'Tenant reimbursement: meters',
      ]);
      m.add(20, { expense: 750 }, ['Интернет, Ростелеком', 'Internet']);
      m.add(10, { expense: Math.round(indexed(1_320, 0.1, m.years)) }, [
        'Взнос на капремонт, Фонд капремонта',
        'Capital repairs fund contribution',
      ]);
      m.add(21, { expense: 95 }, ['Домофон', 'Intercom service']);
      m.add(21, { expense: 500 }, ['Консьерж', 'Concierge']);
      m.add(28, { expense: Math.round(rent * 0.04) }, [
        `Налог НПД 4% за ${m.ru}`,
        `Self-employed tax (NPD 4%), ${m.en}`,
      ]);
      if (m.month === 2) {
        m.add(18, { expense: r.around(5_500, 0.1, 100) }, [
          'Страховка квартиры, Ингосстрах',
          'Flat insurance renewal',
        ]);
      }
      if (m.month === 10) {
        m.add(25, { expense: r.around(4_800, 0.05) }, [
          'Налог на имущество физлиц',
          'Property tax',
        ]);
      }
      if (!m.future(28) && r.chance(0.12)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(9_000, 0.7, 100) },
          r.pick(repairsFlat),
        );
      }
    },
  },
  {
    object: {
      name: 'Студия на Арбате (посуточно)',
      area: 28.5,
      address: 'Москва, ул. Арбат, д. 24, кв. 31',
    },
    month: (m, r) => {
      const summer = m.month >= 4 && m.month <= 8;
      const bookings = r.int(summer ? 9 : 6, summer ? 13 : 10);
      const platforms: readonly Text[] = [
        ['Суточно.ру', 'Sutochno.ru'],
        ['Островок', 'Ostrovok'],
        ['Авито Путешествия', 'Avito Travel'],
        ['Яндекс Путешествия', 'Yandex Travel'],
      ];
      let booked = 0;
      for (let i = 0; i < bookings; i += 1) {
        const day = Math.min(
          28,
          1 + Math.floor((i * 28) / bookings) + r.int(0, 2),
        );
        // Future bookings thin out the further ahead they are.
        if (m.future(day) && r.chance(0.5)) continue;
        const nights = r.int(1, 5);
        const price = r.around(indexed(4_300, 0.08, m.years), 0.15, 100);
        const income = nights * price;
        const [platformRu, platformEn] = r.pick(platforms);
        booked += income;
        m.add(day, { income }, [
          `Бронирование: ${nights} ноч. (${platformRu})`,
          `Booking payout: ${nights} night(s), ${platformEn}`,
        ]);
        m.add(day, { expense: Math.round(income * 0.15) }, [
          `Комиссия площадки ${platformRu}`,
          `${platformEn} commission`,
        ]);
        m.add(
          Math.min(day + nights, 31),
          { expense: r.around(2_000, 0.15, 50) },
          ['Уборка после гостей', 'Cleaning after guests'],
        );
      }
      m.add(10, { expense: r.around(m.winter ? 5_600 : 4_100, 0.08) }, [
        'ЖКУ, единый платёжный документ',
        'Utilities bill (EPD)',
      ]);
      m.add(12, { expense: r.around(1_900, 0.25) }, [
        'Электроэнергия',
        'Electricity',
      ]);
      m.add(20, { expense: 890 }, [
        'Интернет и ТВ, МТС',
        'Internet & TV (MTS)',
      ]);
      m.add(22, { expense: r.around(3_200, 0.3, 10) }, [
        'Расходники: бельё, мыло, кофе',
        'Supplies: linen, soap, coffee',
      ]);
      if (booked > 0) {
        m.add(28, { expense: Math.round(booked * 0.04) }, [
          `Налог НПД 4% за ${m.ru}`,
          `Self-employed tax (NPD 4%), ${m.en}`,
        ]);
      }
      if (m.month === 10) {
        m.add(25, { expense: r.around(2_600, 0.05) }, [
          'Налог на имущество физлиц',
          'Property tax',
        ]);
      }
      if (!m.future(28) && r.chance(0.1)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(6_000, 0.6, 100) },
          r.pick(repairsFlat),
        );
      }
    },
  },
  {
    object: {
      name: 'Квартира в Казани',
      area: 41.2,
      address: 'Казань, ул. Баумана, д. 19, кв. 7',
    },
    blankMonths: 3,
    month: (m, r) => {
      const rent = Math.round(indexed(30_000, 0.05, m.years) / 500) * 500;
      m.add(3, { income: rent }, [`Аренда за ${m.ru}`, `Rent for ${m.en}`]);
      m.add(3, { income: r.around(2_100, 0.25) }, [
        'Коммуналка от арендатора',
        'Tenant utilities reimbursement',
      ]);
      m.add(10, { expense: r.around(m.winter ? 5_300 : 3_900, 0.1) }, [
        'Квартплата, УК «Уютный дом»',
        'Service charge (management company)',
      ]);
      m.add(15, { expense: r.around(900, 0.3) }, [
        'Электроэнергия, Татэнергосбыт',
        'Electricity',
      ]);
      m.add(10, { expense: Math.round(indexed(560, 0.08, m.years)) }, [
        'Взнос на капремонт',
        'Capital repairs contribution',
      ]);
      m.add(19, { expense: 600 }, ['Интернет, Таттелеком', 'Internet']);
      m.add(28, { expense: Math.round(rent * 0.04) }, [
        `Налог НПД за ${m.ru}`,
        `NPD tax, ${m.en}`,
      ]);
      if (m.month === 10) {
        m.add(25, { expense: r.around(2_100, 0.05) }, [
          'Налог на имущество',
          'Property tax',
        ]);
      }
      if (!m.future(28) && r.chance(0.1)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(7_000, 0.6, 100) },
          r.pick(repairsFlat),
        );
      }
    },
  },
  {
    object: {
      name: 'Дом в Истре',
      area: 148.5,
      address:
        'Московская обл., г.о. Истра, КП «Лесные дали», ул. Сосновая, 12',
    },
    blankMonths: 1,
    month: (m, r) => {
      const rent = Math.round(indexed(125_000, 0.05, m.years) / 1000) * 1000;
      m.add(1, { income: rent }, [
        `Аренда дома за ${m.ru}`,
        `House rent, ${m.en}`,
      ]);
      m.add(8, { expense: r.around(m.winter ? 8_400 : 2_300, 0.15) }, [
        'Газ, Мосрегионгаз',
        'Gas (Mosregiongaz)',
      ]);
      m.add(12, { expense: r.around(m.winter ? 6_200 : 3_600, 0.2) }, [
        'Электроэнергия',
        'Electricity',
      ]);
      m.add(15, { income: r.around(m.winter ? 12_000 : 5_500, 0.15) }, [
        'Компенсация коммунальных от арендатора',
        'Tenant reimbursement: gas and power',
      ]);
      m.add(15, { expense: 3_500 }, [
        'Охрана посёлка (ЧОП)',
        'Village security',
      ]);
      m.add(20, { expense: 940 }, ['Вывоз мусора', 'Waste collection']);
      m.add(22, { expense: r.around(650, 0.2) }, [
        'Вода, обслуживание скважины',
        'Water, well maintenance',
      ]);
      m.add(20, { expense: 1_200 }, ['Интернет, Билайн', 'Internet (Beeline)']);
      m.add(25, { expense: r.around(4_000, 0.2, 100) }, [
        'Уборка дома',
        'House cleaning',
      ]);
      if (m.month === 11 || m.month <= 1) {
        m.add(r.int(5, 25), { expense: r.around(4_500, 0.3, 100) }, [
          'Уборка снега',
          'Snow removal',
        ]);
      }
      if (m.month >= 4 && m.month <= 8) {
        m.add(r.int(5, 25), { expense: r.around(3_500, 0.2, 100) }, [
          'Покос травы, уход за участком',
          'Lawn mowing and garden',
        ]);
      }
      m.add(28, { expense: Math.round(rent * 0.04) }, [
        `Налог НПД 4% за ${m.ru}`,
        `Self-employed tax (NPD 4%), ${m.en}`,
      ]);
      if (m.month === 5) {
        m.add(1, { expense: r.around(18_000, 0.05, 100) }, [
          'Страховка дома, РЕСО',
          'House insurance (RESO)',
        ]);
      }
      if (m.month === 10) {
        m.add(25, { expense: r.around(12_400, 0.05) }, [
          'Налог на имущество',
          'Property tax',
        ]);
        m.add(25, { expense: r.around(7_800, 0.05) }, [
          'Земельный налог',
          'Land tax',
        ]);
      }
      if (!m.future(28) && r.chance(0.12)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(25_000, 0.7, 500) },
          r.pick(repairsHouse),
        );
      }
    },
  },
  {
    object: {
      name: 'Гараж в ГСК «Автомобилист»',
      area: 18.6,
      address: 'Москва, ул. Генерала Белова, вл. 35, бокс 214',
    },
    ownedFrom: 16,
    month: (m, r) => {
      // Rent and the co-operative's fee are quarterly, so most months of the
      // garage are empty.
      if (m.month % 3 === 0) {
        m.add(5, { income: Math.round(indexed(21_000, 0.05, m.years)) }, [
          `Аренда гаража за ${m.quarter} кв. ${m.year}`,
          `Garage rent, Q${m.quarter} ${m.year}`,
        ]);
        m.add(15, { expense: r.around(4_200, 0.05, 10) }, [
          'Членский взнос ГСК',
          'Garage co-op fee',
        ]);
      }
      if (m.month % 3 === 1) {
        m.add(
          28,
          { expense: Math.round(indexed(21_000, 0.05, m.years) * 0.04) },
          ['Налог НПД (гараж)', 'NPD tax (garage)'],
        );
      }
      if (m.month === 10) {
        m.add(25, { expense: r.around(1_300, 0.05) }, [
          'Налог на имущество (гараж)',
          'Property tax (garage)',
        ]);
      }
    },
  },
  {
    object: {
      name: 'Офис в БЦ «Невский 88»',
      area: 86.7,
      address: 'Санкт-Петербург, Невский пр., д. 88, офис 412',
    },
    month: (m, r) => {
      const tenants: readonly [string, number, number][] = [
        ['ООО «Вектор»', 54_000, 3],
        ['ИП Соколов А. В.', 36_000, 5],
        ['ООО «Брайт Код»', 28_000, 10],
        ['Студия «Прана» (вечера)', 15_000, 12],
      ];
      let income = 0;
      for (const [tenant, base, day] of tenants) {
        const rent = Math.round(indexed(base, 0.07, m.years) / 500) * 500;
        income += rent;
        m.add(day, { income: rent }, [
          `Аренда за ${m.ru}, ${tenant}`,
          `Rent for ${m.en}, ${tenant}`,
        ]);
        m.add(day + 12, { income: r.around(1_800, 0.3) }, [
          `Возмещение электроэнергии, ${tenant}`,
          `Power reimbursement, ${tenant}`,
        ]);
      }
      m.add(7, { expense: Math.round(indexed(11_900, 0.08, m.years)) }, [
        'Эксплуатационные расходы БЦ',
        'Business centre service charge',
      ]);
      m.add(14, { expense: r.around(4_800, 0.25) }, [
        'Электроэнергия, Петроэлектросбыт',
        'Electricity (Petroelektrosbyt)',
      ]);
      m.add(18, { expense: 2_500 }, [
        'Интернет, Эр-Телеком',
        'Internet (ER-Telecom)',
      ]);
      m.add(11, { expense: r.around(1_400, 0.2) }, [
        'Водоснабжение и водоотведение',
        'Water and sewerage',
      ]);
      m.add(11, { expense: 1_850 }, ['Вывоз мусора', 'Waste collection']);
      m.add(19, { expense: 3_000 }, [
        'Охрана и пропуска БЦ',
        'Security and access cards',
      ]);
      for (const day of [2, 9, 16, 23]) {
        m.add(day, { expense: r.around(2_400, 0.1, 50) }, [
          'Клининг офиса',
          'Office cleaning',
        ]);
      }
      if (m.month % 3 === 0) {
        m.add(25, { expense: Math.round(income * 3 * 0.06) }, [
          `УСН 6% за ${m.previousQuarter.quarter} кв. ${m.previousQuarter.year}`,
          `Simplified tax 6%, Q${m.previousQuarter.quarter} ${m.previousQuarter.year}`,
        ]);
      }
      if (m.month === 0) {
        m.add(20, { expense: r.around(9_500, 0.05, 100) }, [
          'Страхование ответственности',
          'Liability insurance',
        ]);
      }
      if (!m.future(28) && r.chance(0.1)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(12_000, 0.6, 100) },
          r.pick(repairsOffice),
        );
      }
    },
  },
];

const olgaPlans: readonly ObjectPlan[] = [
  {
    object: {
      name: 'Flat on Nemiga',
      area: 47,
      address: '12 Nemiga St, apt 45, Minsk',
    },
    ownedFrom: 22,
    month: (m, r) => {
      m.add(1, { income: 1_400 }, [`Аренда за ${m.ru}`, `Rent for ${m.en}`]);
      m.add(15, { expense: r.around(m.winter ? 160 : 110, 0.1) }, [
        'Коммунальные услуги, ЕРИП',
        'Utilities (ERIP)',
      ]);
      m.add(20, { expense: 35 }, ['Интернет, byfly', 'Internet (byfly)']);
      m.add(25, { expense: r.around(20, 0.1) }, [
        'Взнос на капремонт',
        'Capital repairs fee',
      ]);
      if (r.chance(0.25)) {
        m.add(
          r.int(1, 28),
          { expense: r.around(150, 0.5, 5) },
          r.pick(repairsFlat),
        );
      }
    },
  },
  {
    object: {
      name: 'Dacha in Ratomka',
      area: 72,
      address: '8 Lesnaya St, Ratomka, Minsk District',
    },
    ownedFrom: 22,
    month: (m, r) => {
      if (m.month >= 4 && m.month <= 8) {
        m.add(1, { income: 2_200 }, [
          `Аренда дачи за ${m.ru}`,
          `Summer let, ${m.en}`,
        ]);
      }
      m.add(18, { expense: r.around(m.winter ? 90 : 60, 0.2) }, [
        'Электроэнергия',
        'Electricity',
      ]);
    },
  },
];

const admin: Omit<UserRecord, 'id'> = {
  login: 'admin',
  password: DEMO_PASSWORD,
  name: 'Алексей',
  surname: 'Воронцов',
  birthDate: '1984-03-17',
  phone: '+79163457812',
  email: 'alexey.vorontsov@example.com',
  countryId: 1,
  languageId: 1,
  currencyId: 1,
};

const olga: Omit<UserRecord, 'id'> = {
  login: 'olga',
  password: DEMO_PASSWORD,
  name: 'Olga',
  surname: 'Smirnova',
  birthDate: '1990-07-02',
  phone: '+375291234567',
  email: 'olga.smirnova@example.com',
  countryId: 3,
  languageId: 2,
  currencyId: 5,
};

/**
 * The demo data: `admin` with six properties and about 3,000 events from
 * three years before `today` to three months after it, all in Russian, and
 * `olga`, whose two properties admin must never see, all in English (each
 * user's names, addresses and descriptions in the language of their app).
 * Deterministic for a seed and today.
 */
export function createSeedSnapshot(options: SeedOptions = {}): DbSnapshot {
  const today = options.today ?? localToday();
  const seed = options.seed ?? DEFAULT_SEED;
  const [year = NaN, month1 = NaN, day = NaN] = today.split('-').map(Number);
  const month = month1 - 1;
  if (isoDate(year, month, day) !== today) {
    throw new Error(`today must be a YYYY-MM-DD date, got "${today}"`);
  }
  const first = isoDate(year - 3, month, day);
  const last = isoDate(year, month + 3, day);
  const r = random(seed);

  const users: UserRecord[] = [
    { id: 1, ...admin },
    { id: 2, ...olga },
  ];
  const objects: ObjectRecord[] = [];
  const drafts: Draft[] = [];
  const owners: [number, readonly ObjectPlan[], 'ru' | 'en'][] = [
    [1, adminPlans, 'ru'],
    [2, olgaPlans, 'en'],
  ];
  for (const [ownerId, plans, language] of owners) {
    for (const plan of plans) {
      const object: ObjectRecord = {
        id: objects.length + 1,
        ownerId,
        ...plan.object,
      };
      objects.push(object);
      const blank = new Set<number>();
      for (let i = 0; i < (plan.blankMonths ?? 0); i += 1) {
        blank.add(r.int((plan.ownedFrom ?? 0) + 1, 36));
      }
      for (let offset = plan.ownedFrom ?? 0; offset <= 39; offset += 1) {
        if (blank.has(offset)) continue;
        const y = year - 3 + Math.floor((month + offset) / 12);
        const mo = (month + offset) % 12;
        const days = daysInMonth(y, mo);
        plan.month(
          {
            year: y,
            month: mo,
            quarter: Math.floor(mo / 3) + 1,
            previousQuarter:
              mo < 3
                ? { year: y - 1, quarter: 4 }
                : { year: y, quarter: Math.floor(mo / 3) },
            years: Math.floor(offset / 12),
            winter: mo >= 9 || mo <= 3,
            ru: `${monthsRu[mo]} ${y}`,
            en: `${monthsEn[mo]} ${y}`,
            future: (d) => isoDate(y, mo, Math.min(d, days)) > today,
            add: (d, amount, [ru, en]) => {
              const date = isoDate(y, mo, Math.min(Math.max(d, 1), days));
              if (date < first || date > last) return;
              // The draw that once chose each description's language: still
              // drawn, so every later amount and date stays as it was.
              r.next();
              drafts.push({
                notification_date: date,
                income: 'income' in amount ? amount.income : 0,
                expense: 'expense' in amount ? amount.expense : 0,
                description: language === 'ru' ? ru : en,
                object_id: object.id,
              });
            },
          },
          r,
        );
      }
    }
  }

  // Ids follow the dates, as if the owner entered events as they came.
  drafts.sort((a, b) =>
    a.notification_date < b.notification_date
      ? -1
      : a.notification_date > b.notification_date
        ? 1
        : 0,
  );
  const events = drafts.map((draft, index) => ({ id: index + 1, ...draft }));

  return {
    version: 1,
    seed: { seed, today },
    users,
    sessions: [],
    objects,
    events,
    loginThrottle: [],
    nextId: {
      user: users.length + 1,
      object: objects.length + 1,
      event: events.length + 1,
    },
  };
}
