import { memo, useCallback, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { Input, Select } from '@/components/ui/input';
import { useSearchWriter } from '@/hooks/use-search-writer';
import { useFormat } from '@/lib/locale-settings';

import {
  parseRowView,
  withRowView,
  type RowKind,
  type RowSort,
  type RowView,
} from '../utils/row-view';

/**
 * The view of the rows (search, income or expense only, sort), kept in the
 * address: replaced in place while typing, so Back leaves the page rather
 * than stepping through keystrokes. A change is a patch laid on the last
 * view asked for, so two changes in quick succession (clear the search,
 * then choose a kind) both hold before the address has caught up.
 */
export function useRowView(): [RowView, (patch: Partial<RowView>) => void] {
  const [searchParams] = useSearchParams();
  const search = searchParams.toString();
  const view = useMemo(
    () => parseRowView(new URLSearchParams(search)),
    [search],
  );
  const writeSearch = useSearchWriter();
  const setView = useCallback(
    (patch: Partial<RowView>) =>
      writeSearch(
        (last) => withRowView(last, { ...parseRowView(last), ...patch }),
        { replace: true, preventScrollReset: true },
      ),
    [writeSearch],
  );
  return [view, setView];
}

const KINDS: readonly RowKind[] = ['all', 'income', 'expense'];
const SORTS = [
  '-date',
  'date',
  'object',
  '-object',
  '-income',
  'income',
  '-expense',
  'expense',
] as const;
const sortName = ({ key, descending }: RowSort) =>
  SORTS.find((name) => name === `${descending ? '-' : ''}${key}`) ?? '-date';
const sortOf = (name: (typeof SORTS)[number]): RowSort => ({
  key: name.replace('-', '') as RowSort['key'],
  descending: name.startsWith('-'),
});
const labelClass = 'mb-1 block text-sm font-medium';

type RowViewBarProps = {
  view: RowView;
  onChange: (patch: Partial<RowView>) => void;
  /** The months of the rows in date order, for "go to month", once known. */
  months?: readonly string[] | undefined;
  onJump?: (month: string) => void;
};

/**
 * Search the descriptions, and show income or expenses only; on a phone,
 * where rows are cards without column headings, the order too.
 */
export const RowViewBar = memo(function RowViewBar({
  view,
  onChange,
  months,
  onJump,
}: RowViewBarProps) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const jumpId = useId();
  const searchId = useId();
  const kindId = useId();
  const sortId = useId();
  // What is typed shows at once; the address follows. A query the address
  // changes by itself (Back, a link) replaces it.
  const [typed, setTyped] = useState(view.query);
  const [addressed, setAddressed] = useState(view.query);
  if (view.query !== addressed) {
    setAddressed(view.query);
    setTyped(view.query);
  }
  return (
    <div
      role="search"
      aria-label={t('view.label')}
      className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex"
    >
      <div className="col-span-2 min-w-0 sm:w-80">
        <label htmlFor={searchId} className={labelClass}>
          {t('view.search')}
        </label>
        <Input
          id={searchId}
          type="search"
          value={typed}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(event) => {
            setTyped(event.target.value);
            onChange({ query: event.target.value });
          }}
        />
      </div>
      <div className="min-w-0 max-md:col-span-1 sm:w-56">
        <label htmlFor={kindId} className={labelClass}>
          {t('view.kind')}
        </label>
        <Select
          id={kindId}
          value={view.kind}
          onChange={(event) => {
            const kind = KINDS.find((item) => item === event.target.value);
            if (kind) onChange({ kind });
          }}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`view.kinds.${kind}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="min-w-0 md:hidden">
        <label htmlFor={sortId} className={labelClass}>
          {t('view.order')}
        </label>
        <Select
          id={sortId}
          value={sortName(view.sort)}
          onChange={(event) => {
            const name = SORTS.find((item) => item === event.target.value);
            if (name) onChange({ sort: sortOf(name) });
          }}
        >
          {SORTS.map((name) => (
            <option key={name} value={name}>
              {t(`view.sorts.${name}`)}
            </option>
          ))}
        </Select>
      </div>
      {/* There from the start (disabled until the rows are in), so its
          arrival moves nothing. */}
      {onJump && (
        <div className="col-span-2 min-w-0 sm:ml-auto sm:w-56">
          <label htmlFor={jumpId} className={labelClass}>
            {t('view.jump')}
          </label>
          <Select
            id={jumpId}
            value=""
            disabled={!months || months.length < 2}
            onChange={(event) => {
              if (event.target.value) onJump(event.target.value);
            }}
          >
            <option value="">{t('view.jumpChoose')}</option>
            {months?.map((month) => (
              <option key={month} value={month}>
                {format.month(month)}
              </option>
            ))}
          </Select>
        </div>
      )}
    </div>
  );
});
