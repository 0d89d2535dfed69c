import { Link } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { buttonClass } from '@/components/ui/button';

export function NotFound({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-fg-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold">
        {title ?? t('notFound.title')}
      </h1>
      <p className="mt-2 text-fg-muted">{body ?? t('notFound.body')}</p>
      <Link to="/" className={`${buttonClass('primary')} mt-6`}>
        {t('actions.goHome')}
      </Link>
    </section>
  );
}
