// Draws the app's icons (public/*.png, named in the web app manifest in
// vite.config.ts) from public/favicon.svg, in Chromium. Run it after
// changing the logo: node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

import { chromiumPath } from './machine.mjs';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
const logo = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
// A maskable icon may be cut to any shape inside its middle 80 %: the
// colour fills the square and the house sits well inside it.
const maskable = logo
  .replace(' rx="7"', '')
  .replace(
    '<path ',
    '<path transform="translate(16 16) scale(0.7) translate(-16 -16)" ',
  );

const icons = [
  { file: 'icon-192.png', svg: logo, size: 192 },
  { file: 'icon-512.png', svg: logo, size: 512 },
  { file: 'icon-maskable-512.png', svg: maskable, size: 512 },
  { file: 'apple-touch-icon.png', svg: maskable, size: 180 },
];

const browser = await chromium.launch({
  executablePath: chromiumPath() ?? undefined,
});
try {
  for (const { file, svg, size } of icons) {
    const page = await browser.newPage({
      viewport: { width: size, height: size },
    });
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({
      path: path.join(publicDir, file),
      omitBackground: true,
    });
    await page.close();
  }
} finally {
  await browser.close();
}
