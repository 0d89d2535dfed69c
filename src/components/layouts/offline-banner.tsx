import { useTranslation } from '@/lib/i18n';
import { useOnline } from '@/hooks/use-online';

export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <div
      role="status"
      className="bg-warning-soft px-4 py-2 text-center text-sm"
    >
      {t('status.offline')}
    </div>
  );
}
