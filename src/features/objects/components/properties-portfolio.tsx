import { useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { useOpenAddRequest } from '@/hooks/use-open-add';
import { useFormat } from '@/lib/locale-settings';
import { type Money, zeroTotals } from '@/ledger/sums';
import { BuildingIcon, PlusIcon } from '@/components/ui/icons';

import { useObjects } from '../api/queries';
import {
  objectSorts,
  objectsSearchParams,
  parseObjectsSearch,
  searchObjects,
  type ObjectsSearch,
} from '../utils/search';
import { DeletePropertyDialog } from './delete-property-dialog';
import { PropertiesError } from './properties-error';
import { PropertyCard, PropertyCardSkeleton } from './property-card';
import { PropertyFormDialog } from './property-form-dialog';

type PropertiesPortfolioProps = {
  /** The calendar year the cards' totals cover. */
  year: number;
  yearTotals: {
    byObject: ReadonlyMap<number, Money> | undefined;
    error: unknown;
    onRetry: () => void;
  };
  /** The property whose deletion is being confirmed (state kept by the caller). */
  deleting: PropertyObject | null;
  onDeletingChange: (property: PropertyObject | null) => void;
  /** How many events the property being deleted has, when known. */
  deleteEventCount: number | undefined;
  /** Once the server has deleted one (and its events). */
  onDeleted: (property: PropertyObject) => void;
};

const OWN_WRITE = { objectsSearch: true };
const isOwnWrite = (state: unknown) =>
  typeof state === 'object' && state !== null && 'objectsSearch' in state;

/** The owner's properties: search, sort, add, edit and delete. */
export function PropertiesPortfolio({
  year,
  yearTotals,
  deleting,
  onDeletingChange,
  deleteEventCount,
  onDeleted,
}: PropertiesPortfolioProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const objects = useObjects();
  const [params, setParams] = useSearchParams();
  const search = parseObjectsSearch(params);
  const askedToAdd = useOpenAddRequest();
  const [editing, setEditing] = useState<PropertyObject | 'new' | null>(
    askedToAdd ? 'new' : null,
  );
  const listRef = useRef<HTMLUListElement>(null);

  // The box keeps its own text so typing never waits for the router; the
  // URL follows. A navigation that is not the box's own (Back, a link) wins.
  const location = useLocation();
  const [query, setQuery] = useState(search.q);
  const [seenKey, setSeenKey] = useState(location.key);
  if (seenKey !== location.key) {
    setSeenKey(location.key);
    if (!isOwnWrite(location.state)) setQuery(search.q);
  }
  const setSearch = (next: Partial<ObjectsSearch>) => {
    if (next.q !== undefined) setQuery(next.q);
    setParams(objectsSearchParams({ ...search, q: query, ...next }, params), {
      replace: true,
      preventScrollReset: true,
      state: OWN_WRITE,
    });
  };

  const { byObject } = yearTotals;
  const totalsOf = (id: number) =>
    byObject ? (byObject.get(id) ?? zeroTotals) : undefined;
  const all = objects.data ?? [];
  const shown = searchObjects(
    all,
    { ...search, q: query },
    format.locale,
    (id) => totalsOf(id)?.net,
  );

  const addButton = (label: string) => (
    <Button onClick={() => setEditing('new')}>
      <PlusIcon />
      {label}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('title')}>
        {all.length > 0 && addButton(t('add'))}
      </PageHeader>

      <PropertiesError />

      {objects.isPending && (
        <ul
          aria-busy="true"
          aria-label={t('common:status.loading')}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          {Array.from({ length: 6 }, (_, index) => (
            <PropertyCardSkeleton key={index} />
          ))}
        </ul>
      )}

      {objects.isSuccess && all.length === 0 && (
        <section className="mx-auto flex max-w-md flex-col items-center rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
          <BuildingIcon className="size-12 text-fg-muted" />
          <h2 className="mt-4 text-lg font-semibold">{t('empty.title')}</h2>
          <p className="mt-2 text-sm text-fg-muted">{t('empty.body')}</p>
          <div className="mt-6">{addButton(t('empty.action'))}</div>
        </section>
      )}

      {all.length > 0 && (
        <>
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="flex-1 sm:max-w-sm">
              <label htmlFor="objects-search" className="sr-only">
                {t('search.label')}
              </label>
              <Input
                id="objects-search"
                type="search"
                value={query}
                placeholder={t('search.placeholder')}
                onChange={(event) => setSearch({ q: event.target.value })}
                dir="auto"
                autoComplete="off"
              />
            </div>
            <div className="flex items-center gap-2">
              <label
                htmlFor="objects-sort"
                className="text-sm whitespace-nowrap text-fg-muted"
              >
                {t('sort.label')}
              </label>
              <Select
                id="objects-sort"
                value={search.sort}
                onChange={(event) =>
                  setSearch({
                    sort:
                      objectSorts.find((sort) => sort === event.target.value) ??
                      'name',
                  })
                }
                className="sm:w-52"
              >
                {objectSorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`sort.${sort}`)}
                  </option>
                ))}
              </Select>
            </div>
            <p
              aria-live="polite"
              className="text-sm text-fg-muted sm:ml-auto sm:self-center"
            >
              {shown.length === all.length
                ? t('count', { count: all.length })
                : t('countFiltered', {
                    shown: shown.length,
                    count: all.length,
                  })}
            </p>
          </div>

          {yearTotals.error !== null && (
            <div className="mb-4">
              <QueryError
                error={yearTotals.error}
                onRetry={yearTotals.onRetry}
              />
            </div>
          )}

          {shown.length === 0 ? (
            <section className="rounded-lg border border-border bg-surface px-6 py-10 text-center">
              <h2 className="font-semibold wrap-anywhere" dir="auto">
                {t('noMatch.title', { query: query.trim() })}
              </h2>
              <p className="mt-1 text-sm text-fg-muted">{t('noMatch.body')}</p>
              <Button
                variant="secondary"
                className="mt-4"
                onClick={() => setSearch({ q: '' })}
              >
                {t('noMatch.clear')}
              </Button>
            </section>
          ) : (
            <ul
              ref={listRef}
              tabIndex={-1}
              aria-label={t('title')}
              className="grid gap-3 focus:outline-none sm:grid-cols-2 lg:grid-cols-3"
            >
              {shown.map((property) => (
                <PropertyCard
                  key={property.id}
                  property={property}
                  year={year}
                  totals={totalsOf(property.id)}
                  onEdit={() => setEditing(property)}
                  onDelete={() => onDeletingChange(property)}
                />
              ))}
            </ul>
          )}
        </>
      )}

      {editing !== null && (
        <PropertyFormDialog
          property={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <DeletePropertyDialog
        property={deleting}
        eventCount={deleteEventCount}
        onClose={() => onDeletingChange(null)}
        // The card and its button are gone: the list takes the focus.
        onHidden={() => setTimeout(() => listRef.current?.focus(), 0)}
        onDeleted={onDeleted}
      />
    </>
  );
}
