// npm's pretest: makes sure the machine has what `npm test` drives — Debian's
// Chromium, nginx and a font with Cyrillic — and installs what is missing.
// As root it runs apt-get itself; otherwise it prints the one command to run
// and stops, since a test run should not ask for a password half-way.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { DEBIAN_PACKAGES } from './machine.mjs';

const stop = (lines) => {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
};

const missing = () => {
  try {
    return Object.entries(DEBIAN_PACKAGES)
      .filter(([, present]) => !present())
      .map(([name]) => name);
  } catch (error) {
    // A CHROMIUM_PATH or NGINX_PATH that points at nothing.
    return stop([`pretest: ${error.message}`]);
  }
};

const packages = missing();
if (packages.length === 0) process.exit(0);

const install = ['install', '-y', '--no-install-recommends', ...packages];
if (!existsSync('/usr/bin/apt-get')) {
  stop([
    `npm test needs ${packages.join(', ')} (Debian's package names); this machine has no apt-get.`,
    'Install them with its own package manager, or point CHROMIUM_PATH and NGINX_PATH at the binaries.',
  ]);
}
if (process.getuid?.() !== 0) {
  stop([
    `npm test needs Debian's ${packages.join(', ')}. Install once, then run npm test again:`,
    '',
    `  sudo apt-get update && sudo apt-get ${install.join(' ')}`,
  ]);
}

process.stdout.write(`pretest: installing Debian's ${packages.join(' ')}\n`);
// apt's progress goes to a buffer, shown only when a step fails.
const apt = (args) => {
  try {
    execFileSync('apt-get', ['-qq', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    stop([
      `pretest: apt-get ${args.join(' ')} failed:`,
      String(error.stdout ?? ''),
      String(error.stderr ?? ''),
    ]);
  }
};
apt(['update']);
apt(install);

const still = missing();
if (still.length)
  stop([`pretest: still missing after apt-get: ${still.join(', ')}`]);
