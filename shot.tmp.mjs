import { chromium } from '@playwright/test';
const [,, width = '1440', theme = 'light', ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: theme, locale: 'en-US' });
await context.addInitScript(() => { if (location.origin !== 'null') localStorage.setItem('smartcomm.mock.switches', JSON.stringify({ latencyMs: 0, faults: [] })); });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
for (const p of paths) {
  if (p === 'LOGIN') {
    await page.goto('http://localhost:4173/login');
    await page.getByLabel(/Login|Логин/).fill('admin');
    await page.getByLabel(/^(Password|Пароль)$/).fill('Qwerty123');
    await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
    await page.waitForURL('http://localhost:4173/');
    continue;
  }
  await page.goto('http://localhost:4173' + p);
  await page.waitForTimeout(800);
  const name = `/tmp/shots/${p.replace(/\W+/g, '_') || 'root'}-${width}-${theme}.png`;
  await page.screenshot({ path: name, fullPage: false });
  console.log(name);
}
await browser.close();
