import { queryOptions, useQuery } from '@tanstack/react-query';

import type { Country, Currency, Language } from '@/api/generated';
import {
  listCountriesOptions,
  listCurrenciesOptions,
  listLanguagesOptions,
} from '@/api/generated/@tanstack/react-query.gen';

/** Dictionaries change rarely: fetched once per session and shared. */
const once = { staleTime: Infinity, gcTime: Infinity } as const;

export const dictionaryQueries = {
  countries: () => queryOptions({ ...listCountriesOptions(), ...once }),
  currencies: () => queryOptions({ ...listCurrenciesOptions(), ...once }),
  languages: () => queryOptions({ ...listLanguagesOptions(), ...once }),
};

export type Dictionary<T extends { id: number }> = {
  list: readonly T[];
  byId: ReadonlyMap<number, T>;
};

function toDictionary<T extends { id: number }>(response: {
  data: T[];
}): Dictionary<T> {
  return {
    list: response.data,
    byId: new Map(response.data.map((item) => [item.id, item])),
  };
}

export function useCountries() {
  return useQuery({
    ...dictionaryQueries.countries(),
    select: toDictionary<Country>,
  });
}

export function useCurrencies() {
  return useQuery({
    ...dictionaryQueries.currencies(),
    select: toDictionary<Currency>,
  });
}

export function useLanguages() {
  return useQuery({
    ...dictionaryQueries.languages(),
    select: toDictionary<Language>,
  });
}
