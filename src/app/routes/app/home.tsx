import { useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, type LoaderFunctionArgs } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchTotals } from '@/features/events/api/prefetch';
import { eventQueries } from '@/features/events/api/queries';
import { monthDays, monthOf, type Month } from '@/ledger/months';
import { useEventTotals } from '@/ledger/totals';
import { EventFilterBar } from '@/features/events/components/event-filter-bar';
import { EventTotals } from '@/features/events/components/event-totals';
import { useEventFilters } from '@/features/events/components/use-event-filters';
import { usePeriodText } from '@/features/events/components/use-period-text';
import {
  ledgerAddress,
  type FilterScope,
} from '@/features/events/utils/filters';
import { insightQueries } from '@/features/insights/api/upcoming';
import { CashFlow } from '@/features/insights/components/cash-flow';
import { FirstSteps } from '@/features/insights/components/first-steps';
import { PropertyComparison } from '@/features/insights/components/property-comparison';
import { UpcomingPayments } from '@/features/insights/components/upcoming-payments';
import {
  monthlyFlow,
  propertyFlows,
} from '@/features/insights/utils/cash-flow';
import { objectQueries, useObjects } from '@/features/objects/api/queries';
import { PropertiesError } from '@/features/objects/components/properties-error';
import { useProfile } from '@/features/profile/api/queries';
import { todayIso } from '@/utils/calendar-date';

// The overview answers "how is the year going" unless asked otherwise.
const SCOPE: FilterScope = { objectFilter: false };

/** A month's transactions, every property, with one of them opened. */
const monthAddress = (month: Month, eventId?: number) =>
  ledgerAddress({ period: { preset: 'custom', ...monthDays(month) } }, eventId);

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    prefetchTotals(queryClient, new URL(request.url).searchParams, SCOPE);
    void queryClient.prefetchQuery(objectQueries.list());
    void queryClient.prefetchQuery(insightQueries.upcoming(todayIso()));
    return null;
  };

export function Component() {
  const { t } = useTranslation(['insights', 'common']);
  const { filters, filter, setFilter } = useEventFilters(SCOPE);
  const navigate = useNavigate();
  const totals = useEventTotals(filters);
  const objects = useObjects();
  const profile = useProfile();
  const period = usePeriodText(filters);
  // Retry is offered by the totals above, whose sums these panels share.
  const failed = totals.isError && !totals.isFetching;
  const byMonth = totals.data?.byMonth;
  const months = useMemo(
    () =>
      byMonth &&
      monthlyFlow(byMonth, { from: filters.date_from, to: filters.date_to }),
    [byMonth, filters],
  );
  const byObject = totals.data?.byObject;
  const properties = useMemo(
    () => byObject && objects.data && propertyFlows(objects.data, byObject),
    [byObject, objects.data],
  );
  // Only an empty period raises the question whether anything exists at all.
  const anyEvents = useInfiniteQuery({
    ...eventQueries.list({}),
    enabled: totals.data?.all.count === 0,
  });
  const firstStep =
    objects.data?.length === 0
      ? 'property'
      : anyEvents.data?.pages[0]?.data.length === 0
        ? 'event'
        : null;

  return (
    <>
      <PageHeader title={t('title')} />
      <PropertiesError className="mb-4" />
      {firstStep ? (
        <FirstSteps next={firstStep} name={profile.data?.name} />
      ) : (
        <>
          <EventFilterBar
            filter={filter}
            onChange={setFilter}
            showObject={false}
          />
          <EventTotals filters={filters} />
          <div className="grid items-start gap-4 lg:grid-cols-3">
            {/* What is due comes first on a phone, beside the charts on a wide screen. */}
            <div className="min-w-0 lg:order-last">
              <UpcomingPayments
                objects={objects.data}
                eventHref={(event) =>
                  monthAddress(monthOf(event.notification_date), event.id)
                }
              />
            </div>
            <div className="grid min-w-0 gap-4 lg:col-span-2">
              <CashFlow
                months={months}
                period={period}
                failed={failed}
                onOpenMonth={(month) => void navigate(monthAddress(month))}
              />
              <PropertyComparison
                properties={properties}
                period={period}
                failed={failed}
              />
            </div>
          </div>
        </>
      )}
    </>
  );
}
