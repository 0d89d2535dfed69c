// npm run bench: builds the production bundle into .bench/prod and holds it to
// the budgets of docs/quality.md. Prints `metric | value | budget | ok`
// and exits 1 when any row is over budget.
//
// To add a metric (events-table scroll, Lighthouse …), write a function
// `(ctx) => Row[] | Promise<Row[]>` and append it to MEASUREMENTS. A row is
// { metric, value, budget, ok } with ok true, false, or null for information.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

import { measureLighthouse } from './bench/lighthouse.mjs';
import { measureEventsScroll, measureLedgerAtScale } from './bench-events.mjs';
import { measureBulk } from './bench-bulk.mjs';
import { measureImport } from './bench-import.mjs';
import { measureLedgerTotals } from './bench-ledger.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, '.bench/prod');
const KB = 1024;

const BUDGET = {
  loginJs: 100 * KB,
  lazyChunk: 50 * KB,
};

// The first page most visitors see, as the build prerendered it in English.
const LOGIN_PAGE = 'prerendered/en/login.html';

const MSW_FILE_NAME = /mockServiceWorker|(^|[^a-z])msw([^a-z]|$)/i;
const MSW_NEEDLES = [
  'mockServiceWorker',
  'setupWorker',
  'setupServer',
  'onUnhandledRequest',
  '@mswjs',
  '[MSW]',
  /\bMSW\b/,
];
const TEXT_FILE = /\.(js|mjs|cjs|html|css|json|webmanifest|txt|svg|map)$/;

const BROWSER_MEASUREMENTS = new Set([
  measureEventsScroll,
  measureLedgerAtScale,
  measureLedgerTotals,
  measureBulk,
  measureImport,
  measureLighthouse,
]);

const MEASUREMENTS = [
  measureLoginJs,
  measureLazyChunks,
  measureMswTraces,
  measureEventsScroll,
  measureLedgerAtScale,
  measureLedgerTotals,
  measureBulk,
  measureImport,
  measureLighthouse,
];

// ---------------------------------------------------------------- build

async function buildProduction() {
  // An exported VITE_API_MOCK would beat .env.production; the bench measures
  // what ships, so the mock stays off whatever the shell says.
  process.env.VITE_API_MOCK = 'false';
  const moduleIdsByFile = new Map();
  await build({
    root: ROOT,
    mode: 'production',
    logLevel: 'error',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      manifest: true,
      reportCompressedSize: false,
    },
    plugins: [
      {
        name: 'bench:collect-module-ids',
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) {
            if (output.type === 'chunk') {
              moduleIdsByFile.set(output.fileName, output.moduleIds);
            }
          }
        },
      },
    ],
  });
  const manifest = JSON.parse(
    readFileSync(path.join(OUT_DIR, '.vite/manifest.json'), 'utf8'),
  );
  return { manifest, moduleIdsByFile };
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

function createContext({ manifest, moduleIdsByFile }) {
  const files = listFiles(OUT_DIR).filter((file) => !file.startsWith('.vite/'));
  const gzipCache = new Map();
  const read = (file) => readFileSync(path.join(OUT_DIR, file));
  return {
    root: ROOT,
    outDir: OUT_DIR,
    manifest,
    moduleIdsByFile,
    files,
    read,
    /** Lines printed under the table, to explain a number. */
    details: [],
    gzipSize(file) {
      if (!gzipCache.has(file)) {
        gzipCache.set(file, gzipSync(read(file), { level: 9 }).length);
      }
      return gzipCache.get(file);
    },
    /** Manifest keys (source paths) of the modules that make up a chunk. */
    sourcesOf(file) {
      return Object.entries(manifest)
        .filter(([, chunk]) => chunk.file === file)
        .map(([key]) => key);
    },
  };
}

// ---------------------------------------------------------------- helpers

const formatKb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** A chunk's file plus everything it imports statically, transitively. */
function staticClosure(manifest, key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) {
    staticClosure(manifest, imported, into);
  }
  return into;
}

/**
 * The scripts a prerendered page loads: those its HTML names, and those its
 * inline starter adds once it has painted (scripts/prerender.ts), with its
 * inline scripts' text.
 */
function scriptsOfPage(html) {
  const files = [];
  let inline = '';
  for (const [, attrs, body] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    const src = /\bsrc=["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src) files.push(src);
    else inline += body;
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?modulepreload\b/i.test(tag)) continue;
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) files.push(href);
  }
  const entry = /\bsrc: ("[^"]+")/.exec(inline)?.[1];
  if (entry) files.push(JSON.parse(entry));
  const preloads = /(\[[^\]]*\])\.forEach/.exec(inline)?.[1];
  if (preloads) files.push(...JSON.parse(preloads));
  const local = files
    .filter((url) => !/^[a-z]+:\/\//i.test(url))
    .map((url) => url.replace(/^\//, '').replace(/[?#].*$/, ''));
  return { files: local, inline };
}

function loginJsFiles(ctx) {
  const { manifest } = ctx;
  const notes = [];
  const files = new Set();
  const keyOf = new Map(
    Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]),
  );
  const page = scriptsOfPage(ctx.read(LOGIN_PAGE).toString('utf8'));
  if (page.files.length === 0) notes.push(`${LOGIN_PAGE} loads no script`);
  for (const file of page.files) {
    const key = keyOf.get(file);
    if (key) staticClosure(manifest, key, files);
    else notes.push(`${LOGIN_PAGE} loads ${file}, which is not in the build`);
  }
  return {
    files: [...files].filter((file) => file.endsWith('.js')),
    inline: page.inline,
    notes,
  };
}

// ---------------------------------------------------------------- measurements

function measureLoginJs(ctx) {
  const { files, inline, notes } = loginJsFiles(ctx);
  ctx.loginFiles = new Set(files);
  const inlineGzip = inline.trim()
    ? gzipSync(Buffer.from(inline), { level: 9 }).length
    : 0;
  const total =
    files.reduce((sum, file) => sum + ctx.gzipSize(file), 0) + inlineGzip;
  ctx.details.push(
    'log-in page JS, gzip by file:',
    ...files
      .map((file) => ({ file, gzip: ctx.gzipSize(file) }))
      .sort((a, b) => b.gzip - a.gzip)
      .map(({ file, gzip }) => `  ${formatKb(gzip).padStart(9)}  ${file}`),
  );
  if (inlineGzip) {
    ctx.details.push(`  ${formatKb(inlineGzip).padStart(9)}  inline scripts`);
  }
  const rows = [
    {
      metric: `log-in page JS, gzip (${files.length} files)`,
      value: formatKb(total),
      budget: `≤ ${formatKb(BUDGET.loginJs)}`,
      ok: total <= BUDGET.loginJs,
    },
  ];
  for (const note of notes) {
    rows.push({
      metric: 'log-in page JS: setup',
      value: note,
      budget: '—',
      ok: false,
    });
  }
  return rows;
}

function measureLazyChunks(ctx) {
  const login = ctx.loginFiles ?? new Set(loginJsFiles(ctx).files);
  const lazy = ctx.files
    .filter((file) => file.endsWith('.js') && ctx.moduleIdsByFile.has(file))
    .filter((file) => !login.has(file))
    .map((file) => ({ file, gzip: ctx.gzipSize(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  if (lazy.length === 0) {
    return [
      {
        metric: 'largest lazy chunk, gzip',
        value: 'no lazy chunks',
        budget: '—',
        ok: null,
      },
    ];
  }
  const describe = ({ file, gzip }) => {
    const sources = ctx.sourcesOf(file).filter((key) => !key.startsWith('_'));
    return `${formatKb(gzip)} ${file}${sources.length ? ` (${sources.join(', ')})` : ''}`;
  };
  const over = lazy.filter(({ gzip }) => gzip > BUDGET.lazyChunk);
  const shown = over.length ? over : lazy.slice(0, 1);
  return shown.map((chunk, index) => ({
    metric:
      index === 0 ? 'largest lazy chunk, gzip' : 'lazy chunk over budget, gzip',
    value: describe(chunk),
    budget: `≤ ${formatKb(BUDGET.lazyChunk)}`,
    ok: chunk.gzip <= BUDGET.lazyChunk,
  }));
}

function measureMswTraces(ctx) {
  const traces = new Map(); // file → reasons
  const flag = (file, reason) => {
    traces.set(file, [...(traces.get(file) ?? []), reason]);
  };
  for (const file of ctx.files) {
    if (MSW_FILE_NAME.test(file)) flag(file, 'its name');
    if (!TEXT_FILE.test(file)) continue;
    const text = ctx.read(file).toString('utf8');
    for (const needle of MSW_NEEDLES) {
      const found =
        typeof needle === 'string' ? text.includes(needle) : needle.test(text);
      if (found) flag(file, `contains ${String(needle)}`);
    }
  }
  const mocksDir = path.join(ctx.root, 'src/mocks') + path.sep;
  for (const [file, ids] of ctx.moduleIdsByFile) {
    const fromMocks = ids.filter((id) => id.startsWith(mocksDir)).length;
    const fromMsw = ids.filter((id) =>
      /[\\/]node_modules[\\/](msw|@mswjs)[\\/]/.test(id),
    ).length;
    if (fromMocks) flag(file, `bundles ${fromMocks} modules of src/mocks`);
    if (fromMsw) flag(file, `bundles ${fromMsw} modules of msw`);
  }
  if (traces.size) {
    ctx.details.push(
      'MSW traces:',
      ...[...traces].map(
        ([file, reasons]) => `  ${file}: ${reasons.join(', ')}`,
      ),
    );
  }
  const files = [...traces.keys()];
  const worker = existsSync(path.join(ctx.outDir, 'mockServiceWorker.js'));
  return [
    {
      metric: 'mockServiceWorker.js in the build',
      value: worker ? 'present' : 'absent',
      budget: 'absent',
      ok: !worker,
    },
    {
      metric: 'MSW traces in the build',
      value: files.length
        ? `${files.length} files: ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`
        : 'none',
      budget: 'none',
      ok: files.length === 0,
    },
  ];
}

// ---------------------------------------------------------------- report

function printTable(rows) {
  const header = ['metric', 'value', 'budget', 'ok'];
  const cells = rows.map((row) => [
    row.metric,
    row.value,
    row.budget,
    row.ok === null ? '—' : row.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column].length)),
  );
  const line = (cell) =>
    cell
      .map((text, column) => text.padEnd(widths[column]))
      .join(' | ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const cell of cells) console.log(line(cell));
}

async function main() {
  console.log(
    `Building the production bundle into ${path.relative(ROOT, OUT_DIR)} …`,
  );
  const ctx = createContext(await buildProduction());
  const rows = [];
  // `npm run bench -- --bundle` measures the build only, without browsers;
  // `-- --only lighthouse` the build and the browser measurements whose
  // name has that word (measureLighthouse).
  const bundleOnly = process.argv.includes('--bundle');
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const chosen = (measure) =>
    !BROWSER_MEASUREMENTS.has(measure) ||
    (!bundleOnly &&
      (!process.argv.includes('--only') ||
        measure.name.toLowerCase().includes(only?.toLowerCase())));
  for (const measure of MEASUREMENTS) {
    if (!chosen(measure)) continue;
    rows.push(...(await measure(ctx)));
  }
  console.log('');
  printTable(rows);
  if (ctx.details.length) console.log(`\n${ctx.details.join('\n')}`);
  const failed = rows.filter((row) => row.ok === false);
  if (failed.length) {
    console.log(`\nbench: ${failed.length} over budget (1 KB = 1024 bytes)`);
    process.exitCode = 1;
  } else {
    console.log('\nbench: all within budget (1 KB = 1024 bytes)');
  }
}

await main();
