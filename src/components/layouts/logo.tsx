import { useTranslation } from '@/lib/i18n';

export function Logo() {
  const { t } = useTranslation();
  return (
    <span className="flex items-center gap-2 text-base font-semibold">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="7" className="fill-primary" />
        <path d="M8 23V13l8-5 8 5v10h-5v-6h-6v6z" className="fill-on-primary" />
      </svg>
      {t('appName')}
    </span>
  );
}
