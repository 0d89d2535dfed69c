import { useEffect, useEffectEvent, useRef } from 'react';

import { useTranslation } from '@/lib/i18n';
import { QueryError } from '@/components/errors/query-error';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useFormat } from '@/lib/locale-settings';

type LedgerFooterProps = {
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
};

// How far below the screen the next page starts to load.
const NEAR_END_PX = 1200;

/**
 * Under the rows: a Load more button that also loads by itself as it
 * nears the screen (unless the last try failed), or the end of the list.
 * One page per approach: after a page lands, the button's place is read
 * afresh, so a page that pushed it out of reach never starts another.
 */
export function LedgerFooter({
  loaded,
  hasMore,
  loading,
  error,
  onLoadMore,
}: LedgerFooterProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const sentinel = useRef<HTMLButtonElement>(null);
  const failed = error !== null;
  const loadIfNear = useEffectEvent(() => {
    const element = sentinel.current;
    if (!element || !hasMore || loading || failed) return;
    const { top } = element.getBoundingClientRect();
    if (top <= window.innerHeight + NEAR_END_PX) onLoadMore();
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) loadIfNear();
      },
      { rootMargin: `0px 0px ${NEAR_END_PX}px 0px` },
    );
    // Observed anew once a page has landed, so the first report says
    // whether the button is still near now, not where it was before.
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  const count = { count: loaded, formatted: format.number(loaded, 0) };
  return (
    <div className="mt-3 flex flex-col items-center gap-3 [overflow-anchor:none]">
      {failed && (
        <div className="w-full">
          <QueryError error={error} onRetry={onLoadMore} />
        </div>
      )}
      {hasMore ? (
        <div className="flex flex-wrap items-center justify-center gap-3">
          <p className="tabular text-sm text-fg-muted" aria-live="polite">
            {t('table.loaded', count)}
          </p>
          <Button
            ref={sentinel}
            variant="secondary"
            onClick={onLoadMore}
            disabled={loading}
          >
            {loading && <Spinner />}
            {loading ? t('table.loadingMore') : t('table.loadMore')}
          </Button>
        </div>
      ) : (
        <p className="tabular text-sm text-fg-muted">{t('table.end', count)}</p>
      )}
    </div>
  );
}
