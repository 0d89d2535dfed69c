import type { ReactNode } from 'react';
import { NavLink, useNavigation } from 'react-router';

import { useTranslation } from '@/lib/i18n';
import { Button } from '@/components/ui/button';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { usePrintHeading } from '@/hooks/use-print-heading';
import { usePrinting } from '@/hooks/use-printing';
import { cn } from '@/utils/cn';

import { Logo } from './logo';
import { StatusBanners } from './status-banners';

export type NavItem = { to: string; label: string; end?: boolean };

type AppLayoutProps = {
  nav: readonly NavItem[];
  userName: string | undefined;
  onSignOut: () => void;
  signingOut: boolean;
  notice?: ReactNode;
  /** Offline: as of when what is shown was last heard from the server. */
  shownAsOf?: string | undefined;
  children: ReactNode;
};

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    // Five across a phone's bottom bar: each takes a fifth, in smaller type.
    'min-w-0 flex-1 truncate rounded-md px-0.5 py-2 text-center text-[0.6875rem] font-medium sm:flex-none sm:px-3 sm:text-sm',
    isActive ? 'bg-surface-muted text-fg' : 'text-fg-muted hover:text-fg',
  );

export function AppLayout({
  nav,
  userName,
  onSignOut,
  signingOut,
  notice,
  shownAsOf,
  children,
}: AppLayoutProps) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const printing = usePrinting();
  usePrintHeading('owner', userName);
  return (
    <div className="flex min-h-dvh flex-col pb-16 sm:pb-0 print:pb-0">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <StatusBanners shownAsOf={shownAsOf} />
      <header className="sticky top-0 z-20 border-b border-border bg-surface print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Logo />
          <nav
            aria-label={t('nav.label')}
            className="fixed inset-x-0 bottom-0 z-20 flex justify-around border-t border-border bg-surface py-2 sm:static sm:justify-start sm:gap-1 sm:border-0 sm:bg-transparent sm:py-0"
          >
            {nav.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.end}
                className={linkClass}
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-3">
            {navigation.state === 'loading' && (
              <Spinner className="text-fg-muted" />
            )}
            <span
              className="max-w-40 truncate text-sm text-fg-muted"
              dir="auto"
            >
              {userName ?? <Skeleton className="h-4 w-24" />}
            </span>
            <Button
              variant="secondary"
              size="sm"
              onClick={onSignOut}
              disabled={signingOut}
            >
              {signingOut ? t('account.signingOut') : t('account.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 print:max-w-none print:p-0"
      >
        {/* On paper, whose pages these are (later pages: usePrintHeading). */}
        {printing && (
          <p className="mb-2 hidden text-sm print:block" dir="auto">
            {userName}
          </p>
        )}
        {notice}
        {children}
      </main>
    </div>
  );
}
