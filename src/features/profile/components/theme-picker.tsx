import { useId, type ReactNode } from 'react';

import { useTranslation } from '@/lib/i18n';
import {
  setThemeChoice,
  themeChoices,
  useThemeChoice,
  type ThemeChoice,
} from '@/lib/theme';

const icons: Record<ThemeChoice, ReactNode> = {
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
};

/** Light, dark or as the system: a preference of this device, applied at once. */
export function ThemePicker() {
  const { t } = useTranslation('profile');
  const choice = useThemeChoice();
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-border bg-surface p-4 sm:p-6 lg:sticky lg:top-20"
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {t('sections.appearance')}
      </h2>
      <fieldset aria-describedby={`${id}-hint`} className="mt-4">
        <legend className="text-sm font-medium">{t('theme.legend')}</legend>
        <div className="mt-1.5 grid gap-2 sm:grid-cols-3 lg:grid-cols-1">
          {themeChoices.map((option) => (
            <label
              key={option}
              className="flex cursor-pointer items-center gap-3 rounded-md border border-border-strong px-3 py-2.5 text-sm font-medium hover:bg-surface-muted has-checked:border-primary has-checked:bg-info-soft"
            >
              <input
                type="radio"
                name="theme"
                value={option}
                checked={choice === option}
                onChange={() => setThemeChoice(option)}
                className="size-4 accent-primary"
              />
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-5 shrink-0 text-fg-muted"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                {icons[option]}
              </svg>
              {t(`theme.${option}`)}
            </label>
          ))}
        </div>
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-fg-muted">
          {t('theme.hint')}
        </p>
      </fieldset>
    </section>
  );
}
