import { useSyncExternalStore } from 'react';

/**
 * The colour theme is a preference of this browser, not profile data: kept
 * in localStorage, applied before the first paint by the inline script in index.html
 * (which must read the same key and values) and switched here at runtime.
 */
export const THEME_STORAGE_KEY = 'smartcomm.theme';

export const themeChoices = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return themeChoices.some((choice) => choice === value);
}

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

// Absent where there is no screen to match (jsdom): then it is light.
function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY)
    : null;
}

/** Puts the page in the theme a choice stands for right now. */
export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  const dark =
    choice === 'dark' || (choice === 'system' && darkQuery()?.matches === true);
  document.documentElement.classList.toggle('dark', dark);
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Remembers the choice and applies it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered for the next visit, but applied to this one.
  }
  applyTheme(choice);
  notify();
}

/**
 * Follows the system's light/dark setting while the choice is "system", and
 * a choice made in another tab. Returns the function that stops it.
 */
export function syncTheme(): () => void {
  const media = darkQuery();
  const onSystemChange = () => applyTheme();
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyTheme();
    notify();
  };
  media?.addEventListener('change', onSystemChange);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', onSystemChange);
    window.removeEventListener('storage', onStorage);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The stored choice, kept current for the screen that offers it. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readThemeChoice, () => 'system');
}
