import { useTranslation } from 'react-i18next';

import type { Event } from '@/api/generated';
import { useFormat } from '@/lib/locale-settings';

type EventsTableProps = {
  events: readonly Event[];
  objectName: (id: number) => string;
};

export function EventsTable({ events, objectName }: EventsTableProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-sm">
        <thead className="bg-surface-muted text-left text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('date')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('objectColumn')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('description')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('income')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('expense')}
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-t border-border">
              <td className="tabular px-3 py-2 whitespace-nowrap">
                {format.date(event.notification_date)}
              </td>
              <td className="max-w-48 truncate px-3 py-2" dir="auto">
                {objectName(event.object_id)}
              </td>
              <td
                className="max-w-96 truncate px-3 py-2"
                dir="auto"
                title={event.description}
              >
                {event.description}
              </td>
              <td className="tabular px-3 py-2 text-right text-income">
                {event.income > 0 ? `+${format.money(event.income)}` : ''}
              </td>
              <td className="tabular px-3 py-2 text-right text-expense">
                {event.expense > 0 ? `−${format.money(event.expense)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
