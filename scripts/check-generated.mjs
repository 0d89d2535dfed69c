// npm run gen:api:check: regenerates the API client from openapi.yaml with the
// project's openapi-ts.config.ts into a scratch folder and compares it byte for
// byte with the committed src/api/generated. Exits 1 when they differ.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMMITTED = path.join(ROOT, 'src/api/generated');
// Inside the project on purpose: the generator's Prettier step must find
// .prettierrc.json, and Prettier skips anything under node_modules.
const SCRATCH = path.join(ROOT, '.gen-api-check');

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

async function regenerate() {
  process.chdir(ROOT);
  const bin = path.join(ROOT, 'node_modules/.bin');
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
  rmSync(SCRATCH, { recursive: true, force: true });
  // Merged over openapi-ts.config.ts: only the output folder changes.
  await createClient({
    output: { path: SCRATCH },
    logs: { level: 'silent', file: false },
    interactive: false,
  });
}

function compare() {
  const committed = new Set(listFiles(COMMITTED));
  const fresh = new Set(listFiles(SCRATCH));
  const problems = [];
  for (const file of [...new Set([...committed, ...fresh])].sort()) {
    if (!fresh.has(file)) {
      problems.push(`  ${file}: in src/api/generated, but no longer generated`);
    } else if (!committed.has(file)) {
      problems.push(`  ${file}: generated, but missing from src/api/generated`);
    } else if (
      !readFileSync(path.join(COMMITTED, file)).equals(
        readFileSync(path.join(SCRATCH, file)),
      )
    ) {
      problems.push(`  ${file}: differs`);
    }
  }
  return { problems, count: fresh.size };
}

try {
  await regenerate();
  const { problems, count } = compare();
  if (problems.length) {
    console.error(
      [
        'src/api/generated is out of date with openapi.yaml:',
        ...problems,
        'run npm run gen:api',
      ].join('\n'),
    );
    process.exitCode = 1;
  } else {
    console.log(
      `src/api/generated matches openapi.yaml (${count} files regenerated and compared)`,
    );
  }
} finally {
  rmSync(SCRATCH, { recursive: true, force: true });
}
