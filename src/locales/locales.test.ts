import { describe, expect, it } from 'vitest';

import { uiLanguages } from '@/lib/i18n';

const files = import.meta.glob<string>('./*/*.json', {
  eager: true,
  import: 'default',
});
// Every module of the app, as text, for the keys it names.
const sources = Object.entries(
  import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}'], {
    eager: true,
    query: '?raw',
    import: 'default',
  }),
)
  .filter(([path]) => !path.startsWith('/src/api/generated/'))
  .map(([, text]) => text)
  .join('\n');
const resources = Object.fromEntries(
  uiLanguages.map((language) => [
    language,
    Object.fromEntries(
      Object.entries(files)
        .filter(([path]) => path.startsWith(`./${language}/`))
        .map(([path, tree]) => [
          path.split('/')[2]?.replace('.json', ''),
          tree,
        ]),
    ),
  ]),
) as Record<(typeof uiLanguages)[number], Record<string, unknown>>;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as object).map(([key, child]) =>
      flatten(child, prefix ? `${prefix}.${key}` : key),
    ),
  ) as Record<string, string>;
}

/** Keys without the plural suffixes, which vary from language to language. */
const baseKeys = (tree: unknown) =>
  [
    ...new Set(
      Object.keys(flatten(tree)).map((key) =>
        key.replace(/_(zero|one|two|few|many|other)$/, ''),
      ),
    ),
  ].sort();

describe('translations', () => {
  const namespaces = Object.keys(resources.en);

  it('has the same files for every language', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    expect(Object.keys(resources.ru).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)(
    'Russian has every key English has in %s',
    (namespace) => {
      expect(baseKeys(resources.ru[namespace])).toEqual(
        baseKeys(resources.en[namespace]),
      );
    },
  );

  it('gives Russian every plural form it needs', () => {
    const ruKeys = Object.keys(flatten(resources.ru));
    const stems = ruKeys
      .filter((key) => key.endsWith('_one'))
      .map((key) => key.slice(0, -'_one'.length));
    expect(stems.length).toBeGreaterThan(0);
    for (const stem of stems) {
      expect(ruKeys).toEqual(
        expect.arrayContaining([
          `${stem}_few`,
          `${stem}_many`,
          `${stem}_other`,
        ]),
      );
    }
  });

  it('has no empty strings', () => {
    for (const [key, text] of Object.entries(flatten(resources))) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('has no key that no code uses', () => {
    // A key is named whole ('view.search'), or built from a prefix
    // (`view.kinds.${kind}`): then the prefix is named before a `${`.
    const named = (key: string) => {
      if (sources.includes(`'${key}'`) || sources.includes(`\`${key}\``)) {
        return true;
      }
      const parts = key.split('.');
      return parts.some((_, end) => {
        const prefix = parts.slice(0, end + 1).join('.');
        return (
          sources.includes(`${prefix}.\${`) ||
          sources.includes(`:${prefix}'`) ||
          sources.includes(`'${prefix}.'`)
        );
      });
    };
    const unused = namespaces.flatMap((namespace) =>
      baseKeys(resources.en[namespace])
        .filter((key) => !named(key) && !named(`${namespace}:${key}`))
        .map((key) => `${namespace}:${key}`),
    );
    expect(unused).toEqual([]);
  });
});
