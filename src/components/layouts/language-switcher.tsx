import { useTranslation, setUiLanguage, uiLanguages } from '@/lib/i18n';
import { cn } from '@/utils/cn';

/** Switches the UI language on pages seen before signing in. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div
      role="group"
      aria-label={t('language.label')}
      className={cn('flex gap-1', className)}
    >
      {uiLanguages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void setUiLanguage(language)}
          className="rounded-md px-2 py-1 text-sm text-fg-muted hover:bg-surface-muted aria-pressed:bg-surface-muted aria-pressed:font-semibold aria-pressed:text-fg"
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
