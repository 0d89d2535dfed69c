import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import {
  i18n,
  LANGUAGE_COOKIE,
  loadTranslations,
  setUiLanguage,
  useTranslation,
  type Namespace,
} from './i18n';

describe('translations at run time', () => {
  it('picks the plural form of the language for a count', async () => {
    await loadTranslations(['events']);
    const { result } = renderHook(() => useTranslation('events'));
    const loaded = (count: number) =>
      result.current.t('table.loaded', { count, formatted: String(count) });
    expect([loaded(1), loaded(3)]).toEqual([
      '1 transaction loaded',
      '3 transactions loaded',
    ]);
    await act(() => setUiLanguage('ru'));
    expect([1, 21, 3, 5, 11, 1.5].map(loaded)).toEqual([
      'Загружена 1 операция',
      'Загружена 21 операция',
      'Загружены 3 операции',
      'Загружено 5 операций',
      'Загружено 11 операций',
      'Загружено 1.5 операции',
    ]);
  });

  it('looks a key up in the namespaces in turn, or in the one it names', () => {
    const { result } = renderHook(() => useTranslation(['auth', 'common']));
    const { t } = result.current;
    expect(t('login.title')).toBe('Sign in');
    expect(t('common:language.label')).toBe('Language');
    expect(i18n.t('language.label')).toBe('Language');
  });

  it('fills each blank from the values and leaves one with no value', () => {
    expect(i18n.t('validation.atMost', { max: 10 })).toBe('Must be at most 10');
    expect(i18n.t('validation.atMost', {})).toBe('Must be at most {{max}}');
  });

  it('renders a component again in the new language, with a new t', async () => {
    const { result } = renderHook(() => useTranslation());
    const english = result.current.t;
    expect(english('language.label')).toBe('Language');

    await act(() => setUiLanguage('ru-RU'));

    expect(result.current.t).not.toBe(english);
    expect(result.current.t('language.label')).toBe('Язык');
    expect(i18n.language).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(document.cookie).toContain(`${LANGUAGE_COOKIE}=ru`);
    expect(localStorage.getItem('smartcomm.language')).toBe('ru');
  });

  it('loads what the pages asked for in a language before switching to it', async () => {
    await loadTranslations(['profile']);
    await setUiLanguage('ru');
    const { result } = renderHook(() => useTranslation('profile'));
    expect(result.current.t('title')).toBe('Профиль');
  });

  it('rejects when a namespace cannot be loaded, so the page can say so', async () => {
    await expect(
      loadTranslations(['nonexistent' as Namespace]),
    ).rejects.toThrow('No translation en/nonexistent');
  });
});
