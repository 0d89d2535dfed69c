import { getRememberedOwner, useToken } from '@/api/auth-session';
import { useOnline } from '@/hooks/use-online';
import { useAppUpdate } from '@/lib/app-update';
import { useTranslation } from '@/lib/i18n';

/**
 * What every page says above everything else: offline (what is kept of
 * what the owner enters, and where the page shows what it last heard, as
 * of when), a new release.
 */
export function StatusBanners({ shownAsOf }: { shownAsOf?: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  // Re-read with the session: whether what is entered offline outlives the tab.
  useToken();
  const kept = getRememberedOwner() !== null;
  const reloadIntoUpdate = useAppUpdate();
  return (
    <>
      {!online && (
        <div
          role="status"
          className="bg-warning-soft px-4 py-2 text-center text-sm print:hidden"
        >
          {t(kept ? 'status.offline' : 'status.offlineTab')}
          {shownAsOf && ` ${t('status.shownAsOf', { time: shownAsOf })}`}
        </div>
      )}
      {reloadIntoUpdate && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 bg-info-soft px-4 py-2 text-sm print:hidden"
        >
          {t('status.update')}
          <button
            type="button"
            onClick={reloadIntoUpdate}
            className="font-medium text-primary underline underline-offset-4"
          >
            {t('status.reload')}
          </button>
        </div>
      )}
    </>
  );
}
