// The build's last step: the signed-out pages rendered to HTML in every
// language (src/app/prerender.tsx, run in Node through Vite), each with the
// stylesheet inline, so a first visit paints from the HTML alone; and the
// hashes of every inline script and style the pages carry, for the CSP.
// index.html, the page of every other address, is given modulepreloads of
// the app's code (a dynamic import of the entry), so that a signed-in
// owner's first page does not wait for the entry to run and ask for it.
//
//   dist/prerendered/<language>/<page>.html   what nginx sends for <page>
//   dist/csp.conf                            nginx `set`s of those hashes
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createServer,
  type Plugin,
  type ResolvedConfig,
  type Rollup,
} from 'vite';

import type * as PrerenderModule from '../src/app/prerender';

const STYLESHEET = /<link rel="stylesheet" crossorigin href="\/([^"]+)">/;
// The module whose chunk is the app (src/app/show-page.tsx imports it).
const APP_MODULE = 'src/app/start.tsx';
const LOCALE = /\/src\/locales\/([a-z-]+)\/[^/]+\.json$/;
// The entry script and the modulepreloads Vite puts in index.html's head.
const MODULES =
  /\n *<(?:script type="module"|link rel="modulepreload") crossorigin (?:src|href)="\/([^"]+)">(?:<\/script>)?/g;

/**
 * An inline script that starts loading the page's code (the entry and its
 * imports at once) after the prerendered page has
 * painted: requested with the HTML, the code's download and run would come
 * before the first paint on a slow phone. In a hidden tab, which paints
 * nothing, at once.
 */
function startCode(entry: string, imports: string[]): string {
  return `(function () {
  function add(tag, attributes) {
    var element = document.createElement(tag);
    Object.assign(element, attributes, { crossOrigin: '' });
    document.head.appendChild(element);
  }
  function start() {
    add('script', { type: 'module', src: ${JSON.stringify(entry)} });
    ${JSON.stringify(imports)}.forEach(function (href) {
      add('link', { rel: 'modulepreload', href: href });
    });
  }
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(function () { setTimeout(start); });
})();`;
}

/** Renders the pages with the app's own Vite config, in Node. */
async function renderPages(config: ResolvedConfig) {
  const server = await createServer({
    root: config.root,
    configFile: config.configFile,
    mode: config.mode,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const app = (await server.ssrLoadModule(
      '/src/app/prerender.tsx',
    )) as typeof PrerenderModule;
    const { moduleGraph } = server.environments.ssr;
    // The modules run so far: transformed (the graph also holds modules
    // only named by a dynamic import, until they are imported).
    const loaded = () =>
      new Set(
        [...moduleGraph.idToModuleMap]
          .filter(([, node]) => node.transformResult)
          .map(([id]) => id),
      );
    // The modules each page brought in beyond what was loaded before it:
    // its route's code, which its loaders fetch.
    const modules = new Map<string, Set<string>>();
    const pages: { path: string; language: string; markup: string }[] = [];
    // Page by page: a page's translations load in each language in turn.
    for (const page of app.PRERENDERED) {
      for (const language of app.uiLanguages) {
        const before = loaded();
        const markup = await app.renderPage(page, language);
        const own = modules.get(page) ?? new Set();
        for (const id of loaded()) {
          if (before.has(id)) continue;
          // Translations count in every language, whichever loaded first.
          for (const other of app.uiLanguages) {
            own.add(
              id.replace(LOCALE, (file, code: string) =>
                file.replace(`/${code}/`, `/${other}/`),
              ),
            );
          }
        }
        modules.set(page, own);
        pages.push({ path: page, language, markup });
      }
    }
    return pages.map((page) => ({
      ...page,
      modules: modules.get(page.path) ?? new Set<string>(),
      withApp: app.withApp(page.path),
    }));
  } finally {
    await server.close();
  }
}

/**
 * The chunks holding any of `modules`, with the chunks they import: a
 * page's own code (or the app's), preloaded with the entry so that it need
 * not wait for the entry to run and ask for it.
 */
function chunksOf(bundle: Rollup.OutputBundle, modules: Set<string>) {
  const chunks = new Map<string, Rollup.OutputChunk>();
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk') chunks.set(output.fileName, output);
  }
  const files = new Set<string>();
  const add = (file: string) => {
    const chunk = chunks.get(file);
    if (!chunk || files.has(file)) return;
    files.add(file);
    chunk.imports.forEach(add);
  };
  for (const chunk of chunks.values()) {
    if (!chunk.isEntry && chunk.moduleIds.some((id) => modules.has(id))) {
      add(chunk.fileName);
    }
  }
  return files;
}

/**
 * The app's chunks and those they import, but for the entry and what it
 * imports statically: what the entry's own modulepreloads do not fetch.
 */
function appChunksOf(bundle: Rollup.OutputBundle, root: string) {
  const app = chunksOf(bundle, new Set([path.join(root, APP_MODULE)]));
  const withEntry = new Set<string>();
  const add = (file: string) => {
    const output = bundle[file];
    if (output?.type !== 'chunk' || withEntry.has(file)) return;
    withEntry.add(file);
    output.imports.forEach(add);
  };
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk' && output.isEntry) add(output.fileName);
  }
  for (const file of withEntry) app.delete(file);
  if (app.size === 0) {
    throw new Error(`prerender: ${APP_MODULE} has no chunk of its own`);
  }
  return app;
}

/** The chunks of each language's translations, by file name. */
function localeChunks(bundle: Rollup.OutputBundle): Map<string, string> {
  const languages = new Map<string, string>();
  for (const output of Object.values(bundle)) {
    const language =
      output.type === 'chunk' && output.facadeModuleId?.match(LOCALE)?.[1];
    if (language) languages.set(output.fileName, language);
  }
  return languages;
}

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The CSP hashes of a page's inline scripts and styles. */
function inlineHashes(html: string) {
  const of = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((match) => sha256(match[1] ?? ''));
  return {
    scripts: of(/<script>([\s\S]*?)<\/script>/g),
    styles: of(/<style>([\s\S]*?)<\/style>/g),
  };
}

export function prerender(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'smartcomm:prerender',
    apply: (userConfig, { command }) =>
      command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    // index.html, the page of every other address, preloads the app with
    // the entry (the entry imports it dynamically).
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) =>
        bundle &&
        [...appChunksOf(bundle, config.root)].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        })),
    },
    async writeBundle(_options, bundle) {
      const outDir = path.resolve(config.root, config.build.outDir);
      const template = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const stylesheet = STYLESHEET.exec(template)?.[1];
      if (!stylesheet)
        throw new Error('prerender: no stylesheet in index.html');
      const css = await readFile(path.join(outDir, stylesheet), 'utf8');
      const locales = localeChunks(bundle);
      const appChunks = appChunksOf(bundle, config.root);
      const documents = [template];
      for (const page of await renderPages(config)) {
        // The CSP allows no style attribute: React must set styles itself.
        if (page.markup.includes(' style="')) {
          throw new Error(`prerender: ${page.path} has a style attribute`);
        }
        let entry = '';
        const imports = new Set<string>();
        const html = template
          .replace(/<html lang="[^"]*">/, `<html lang="${page.language}">`)
          .replace(STYLESHEET, () => `<style>${css}</style>`)
          // The code is loaded by startCode, not the HTML.
          .replace(MODULES, (tag, file: string) => {
            if (tag.includes('<script')) entry = `/${file}`;
            else imports.add(file);
            return '';
          })
          .replace('<div id="root"></div>', () => {
            // The entry's imports and the page's own code; of the
            // translations, only this language's.
            const preloads = [...imports, ...chunksOf(bundle, page.modules)]
              .filter(
                (file) =>
                  (page.withApp || !appChunks.has(file)) &&
                  (locales.get(file) ?? page.language) === page.language &&
                  `/${file}` !== entry,
              )
              .map((file) => `/${file}`);
            return `<div id="root" data-prerendered="${page.path}">${page.markup}</div>\n    <script>${startCode(entry, [...new Set(preloads)])}</script>`;
          });
        if (!entry) throw new Error('prerender: no entry script in index.html');
        const file = path.join(
          outDir,
          'prerendered',
          page.language,
          `${page.path.slice(1)}.html`,
        );
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, html);
        documents.push(html);
      }
      const hashes = documents.map(inlineHashes);
      const unique = (list: string[]) => [...new Set(list)].join(' ');
      await writeFile(
        path.join(outDir, 'csp.conf'),
        `# Written by the build (scripts/prerender.ts): the hashes of the inline
# scripts and styles of its pages, which the CSP in deploy/nginx.conf allows.
set $csp_script_hashes "${unique(hashes.flatMap((page) => page.scripts))}";
set $csp_style_hashes "${unique(hashes.flatMap((page) => page.styles))}";
`,
      );
    },
  };
}
