// What the tests and the bench need from the machine, found in one place:
// the browser, the web server, openssl, a free port. Read by playwright.config.ts,
// scripts/setup-machine.mjs (npm's pretest) and the bench.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `variable` when it is set (it must then exist), else Debian's path, else null. */
function find(variable, debianPath) {
  const fromEnv = process.env[variable];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`${variable}=${fromEnv} is not an executable file`);
    }
    return fromEnv;
  }
  return isExecutable(debianPath) ? debianPath : null;
}

/** The Chromium that e2e, the bench and Lighthouse drive: CHROMIUM_PATH or Debian's. */
export const chromiumPath = () => find('CHROMIUM_PATH', '/usr/bin/chromium');

/** The nginx that serves the production build: NGINX_PATH or Debian's. */
export const nginxPath = () => find('NGINX_PATH', '/usr/sbin/nginx');

/** The openssl that makes the bench's self-signed certificate for HTTP/2. */
export const opensslPath = () => find('OPENSSL_PATH', '/usr/bin/openssl');

/** True when a font on the machine draws both Cyrillic and ₽. */
export function hasCyrillicFont() {
  try {
    const fonts = execFileSync('fc-list', [':charset=416 20bd', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return fonts.trim() !== '';
  } catch {
    return false;
  }
}

/**
 * Debian's packages that `npm test` needs, each with the check that tells
 * whether the machine already has what it gives.
 */
export const DEBIAN_PACKAGES = {
  chromium: () => chromiumPath() !== null,
  'nginx-light': () => nginxPath() !== null,
  // Screenshots and Lighthouse runs draw Russian text and amounts in roubles.
  'fonts-dejavu-core': hasCyrillicFont,
  // The bench serves the production build over TLS with HTTP/2, as deployed.
  openssl: () => opensslPath() !== null,
};

/** `count` different TCP ports on 127.0.0.1 that nothing listens on right now. */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer();
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(
    servers.map((server) => new Promise((resolve) => server.close(resolve))),
  );
  return ports;
}
