import { useId, useState } from 'react';
import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { SignedMoney } from '@/components/ui/signed-money';
import { useFormat } from '@/lib/locale-settings';
import { Skeleton } from '@/components/ui/spinner';
import { ViewSwitch } from '@/components/ui/view-switch';
import { cn } from '@/utils/cn';

import type { PropertyFlow } from '../utils/cash-flow';
import { Card } from './card';

type Measure = 'net' | 'netPerArea';

type PropertyComparisonProps = {
  /** Undefined while the period is being summed. */
  properties: readonly PropertyFlow[] | undefined;
  period: string;
  /** The sums could not be made. */
  failed: boolean;
};

/**
 * Each property's net for the period, or its net per square metre, side by
 * side: which property pulls its weight. Bars grow from a shared zero line,
 * losses to the left; every figure is also written out.
 */
export function PropertyComparison({
  properties,
  period,
  failed,
}: PropertyComparisonProps) {
  const { t } = useTranslation('insights');
  const { signedMoney: signed } = useFormat();
  const headingId = useId();
  const [measure, setMeasure] = useState<Measure>('net');
  const valueOf = (property: PropertyFlow) => property[measure] ?? 0;
  const sorted =
    properties && [...properties].sort((a, b) => valueOf(b) - valueOf(a));
  const largest = Math.max(
    1,
    ...(sorted ?? []).map((p) => Math.abs(valueOf(p))),
  );
  const hasLoss = (sorted ?? []).some((p) => valueOf(p) < 0);
  const hasGain = (sorted ?? []).some((p) => valueOf(p) > 0);
  // A phone has room for the chosen figure only.
  const column = (of: Measure) =>
    cn(
      'pl-3 text-right whitespace-nowrap',
      of !== measure && 'hidden sm:table-cell',
    );
  // Where zero sits on the bar track: the middle only when both signs occur.
  const zero = hasLoss ? (hasGain ? 50 : 100) : 0;

  return (
    <Card
      labelledBy={headingId}
      title={
        <>
          <h2 id={headingId} className="font-semibold">
            {t('properties.title')}
          </h2>
          <p className="text-sm text-fg-muted">{period}</p>
        </>
      }
      actions={
        <ViewSwitch
          label={t('properties.measure')}
          value={measure}
          onChange={setMeasure}
          options={[
            { value: 'net', label: t('properties.net') },
            { value: 'netPerArea', label: t('properties.netPerArea') },
          ]}
        />
      }
    >
      <table className="tabular w-full text-sm">
        <caption className="sr-only">
          {t('properties.caption', {
            measure: t(`properties.${measure}`),
          })}
        </caption>
        <thead className="text-fg-muted">
          <tr>
            <th scope="col" className="pb-1 text-left font-medium">
              {t('properties.property')}
            </th>
            <th
              scope="col"
              className="hidden w-1/4 pb-1 text-left font-medium sm:table-cell"
            >
              <span className="sr-only">{t('properties.bar')}</span>
            </th>
            <th scope="col" className={cn('pb-1 font-medium', column('net'))}>
              {t('properties.net')}
            </th>
            <th
              scope="col"
              className={cn('pb-1 font-medium', column('netPerArea'))}
            >
              {t('properties.netPerArea')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted === undefined && failed ? (
            <tr>
              <td colSpan={4} className="py-6 text-center text-fg-muted">
                {t('failed')}
              </td>
            </tr>
          ) : sorted === undefined ? (
            Array.from({ length: 3 }, (_, index) => (
              <tr key={index} className="border-t border-border">
                <td colSpan={4} className="py-2">
                  <Skeleton className="h-5 w-full" />
                </td>
              </tr>
            ))
          ) : (
            sorted.map((property) => {
              const value = valueOf(property);
              const width =
                (Math.abs(value) / largest) * (hasLoss && hasGain ? 50 : 100);
              return (
                <tr key={property.id} className="border-t border-border">
                  <th
                    scope="row"
                    className="py-2 pr-3 text-left font-normal wrap-anywhere"
                  >
                    <Link
                      to={`/objects/${property.id}`}
                      dir="auto"
                      className="text-primary hover:underline"
                    >
                      {property.name}
                    </Link>
                  </th>
                  <td
                    aria-hidden="true"
                    className="hidden py-2 pr-4 sm:table-cell"
                  >
                    <div className="relative h-3 rounded-sm bg-surface-muted">
                      <div
                        className={cn(
                          'absolute inset-y-0 rounded-sm',
                          value < 0 ? 'hatch-expense' : 'bg-income',
                        )}
                        style={
                          value < 0
                            ? { right: `${100 - zero}%`, width: `${width}%` }
                            : { left: `${zero}%`, width: `${width}%` }
                        }
                      />
                    </div>
                  </td>
                  <td className={cn('py-2', column('net'))}>
                    <SignedMoney value={property.net} />
                  </td>
                  <td className={cn('py-2', column('netPerArea'))}>
                    {property.netPerArea === null
                      ? '—'
                      : t('properties.perArea', {
                          value: signed(Math.round(property.netPerArea)),
                        })}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </Card>
  );
}
