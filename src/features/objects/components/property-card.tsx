import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { Button } from '@/components/ui/button';
import { SignedMoney } from '@/components/ui/signed-money';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';
import type { Money } from '@/ledger/sums';
import { DeleteIcon, EditIcon } from '@/components/ui/icons';

import { isUnsaved } from '../api/queries';

/** What a property's events add up to over a period. */

type PropertyCardProps = {
  property: PropertyObject;
  year: number;
  /** Undefined while the year's totals are being summed. */
  totals: Money | undefined;
  onEdit: () => void;
  onDelete: () => void;
};

/** One property: a link to its page, with its area and this year's net. */
export function PropertyCard({
  property,
  year,
  totals,
  onEdit,
  onDelete,
}: PropertyCardProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  const unsaved = isUnsaved(property);
  return (
    <li className="relative flex flex-col rounded-lg border border-border bg-surface p-4 transition-colors has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-focus has-[a:hover]:border-border-strong">
      <div className="flex items-start gap-2">
        <h2
          className="min-w-0 flex-1 pt-1.5 font-medium wrap-anywhere"
          dir="auto"
        >
          {unsaved ? (
            property.name
          ) : (
            <Link
              to={`/objects/${property.id}`}
              className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none"
            >
              {property.name}
            </Link>
          )}
        </h2>
        <div className="relative z-10 -mt-1 -mr-2 flex shrink-0">
          {unsaved ? (
            <span className="flex h-10 items-center gap-2 px-2 text-sm text-fg-muted">
              <Spinner />
              {t('card.saving')}
            </span>
          ) : (
            <>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t('card.edit', { name: property.name })}
                title={t('common:actions.edit')}
                onClick={onEdit}
              >
                <EditIcon />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t('card.delete', { name: property.name })}
                title={t('common:actions.delete')}
                onClick={onDelete}
              >
                <DeleteIcon />
              </Button>
            </>
          )}
        </div>
      </div>
      <p className="mt-1 text-sm wrap-anywhere text-fg-muted" dir="auto">
        {property.address}
      </p>
      <dl className="mt-auto flex items-end justify-between gap-4 pt-4">
        <div>
          <dt className="text-xs text-fg-muted">{t('card.area')}</dt>
          <dd className="tabular text-sm font-medium">
            {t('common:units.area', { value: format.number(property.area, 2) })}
          </dd>
        </div>
        <div className="min-w-0 text-right">
          <dt className="text-xs text-fg-muted">
            {t('card.netYear', { year })}
          </dt>
          <dd className="text-lg leading-7 font-semibold">
            {totals ? (
              <SignedMoney value={totals.net} />
            ) : (
              <Skeleton className="my-1 ml-auto h-5 w-28" />
            )}
          </dd>
        </div>
      </dl>
      <p className="tabular mt-1 min-h-4 text-right text-xs text-fg-muted">
        {totals &&
          t('card.incomeExpense', {
            income: format.money(totals.income),
            expense: format.money(totals.expense),
          })}
      </p>
    </li>
  );
}

export function PropertyCardSkeleton() {
  return (
    <li className="flex flex-col rounded-lg border border-border bg-surface p-4">
      <Skeleton className="mt-1.5 h-5 w-48" />
      <Skeleton className="mt-3 h-4 w-64 max-w-full" />
      <div className="flex items-end justify-between pt-4">
        <Skeleton className="h-9 w-16" />
        <Skeleton className="h-9 w-28" />
      </div>
      <Skeleton className="mt-1 ml-auto h-4 w-44" />
    </li>
  );
}
