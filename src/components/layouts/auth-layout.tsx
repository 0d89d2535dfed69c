import type { ReactNode } from 'react';

import { useTranslation } from '@/lib/i18n';

import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { StatusBanners } from './status-banners';

type AuthLayoutProps = {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
};

export function AuthLayout({
  title,
  children,
  footer,
  wide = false,
}: AuthLayoutProps) {
  const { t } = useTranslation('auth');
  return (
    <div className="flex min-h-dvh flex-col">
      <StatusBanners />
      <header className="flex items-center justify-between px-4 py-3 sm:px-6">
        <Logo />
        <LanguageSwitcher />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-12 sm:pt-12">
        <div className={wide ? 'w-full max-w-xl' : 'w-full max-w-sm'}>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="mt-1 mb-6 text-sm text-fg-muted">{t('tagline')}</p>
          <div className="rounded-lg border border-border bg-surface p-5 shadow-sm sm:p-6">
            {children}
          </div>
          <p className="mt-6 text-center text-sm text-fg-muted">{footer}</p>
        </div>
      </main>
    </div>
  );
}
