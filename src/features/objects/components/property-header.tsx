import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/locale-settings';
import { DeleteIcon, EditIcon } from '@/components/ui/icons';

type PropertyHeaderProps = {
  property: PropertyObject;
  onEdit: () => void;
  onDelete: () => void;
};

/** The top of a property's page: the way back, its facts and its actions. */
export function PropertyHeader({
  property,
  onEdit,
  onDelete,
}: PropertyHeaderProps) {
  const { t } = useTranslation(['objects', 'common']);
  const format = useFormat();
  return (
    <header className="mb-6">
      <Link
        to="/objects"
        className="inline-flex items-center gap-1 rounded text-sm text-fg-muted hover:text-fg"
      >
        <span aria-hidden="true">←</span>
        {t('detail.back')}
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1 basis-72">
          <h1
            className="text-2xl font-semibold tracking-tight wrap-anywhere"
            dir="auto"
          >
            {property.name}
          </h1>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:flex sm:flex-wrap">
            <div className="flex min-w-0 gap-2">
              <dt className="text-fg-muted">{t('detail.address')}</dt>
              <dd className="min-w-0 wrap-anywhere" dir="auto">
                {property.address}
              </dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-fg-muted">{t('detail.area')}</dt>
              <dd className="tabular whitespace-nowrap">
                {t('common:units.area', {
                  value: format.number(property.area, 2),
                })}
              </dd>
            </div>
          </dl>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onEdit}>
            <EditIcon />
            {t('common:actions.edit')}
          </Button>
          <Button
            variant="secondary"
            className="text-danger"
            onClick={onDelete}
          >
            <DeleteIcon />
            {t('common:actions.delete')}
          </Button>
        </div>
      </div>
    </header>
  );
}
