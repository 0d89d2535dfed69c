import type {
  CountryListResponse,
  CurrencyListResponse,
  LanguageListResponse,
} from '@/api/generated';

import { json } from '../http';
import { route } from './route';

export const dictionaryHandlers = [
  route('get', '/dictionaries/countries', ({ db }) =>
    json<CountryListResponse>({ data: [...db.dictionaries.countries] }),
  ),
  route('get', '/dictionaries/currencies', ({ db }) =>
    json<CurrencyListResponse>({ data: [...db.dictionaries.currencies] }),
  ),
  route('get', '/dictionaries/languages', ({ db }) =>
    json<LanguageListResponse>({ data: [...db.dictionaries.languages] }),
  ),
];
