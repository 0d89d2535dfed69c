import type { Browser, Page } from '@playwright/test';

import { expect, prepareContext, test } from './fixtures';

// Two browsers signed in as the same owner against one server: the
// production build behind nginx with the mock API as a Node server, so both
// see the same data. They use olga, whom no other journey changes, one
// after another (each changes her data). Her app is in English.
test.describe.configure({ mode: 'default' });

async function openAsOlga(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  await prepareContext(context);
  const page = await context.newPage();
  await signInAsOlga(page, path);
  return page;
}

async function signInAsOlga(page: Page, path: string) {
  await page.goto(`/login?returnTo=${encodeURIComponent(path)}`);
  // In the browser's language, or in olga's once a tab has learnt it.
  await page.getByLabel(/^(Login|Логин)$/).fill('olga');
  await page.getByLabel(/^(Password|Пароль)$/).fill('Qwerty123');
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('an edit made in another browser meanwhile is shown beside the owner’s, who chooses', async ({
  browser,
}) => {
  const [first, second] = await Promise.all([
    openAsOlga(browser, '/objects'),
    openAsOlga(browser, '/objects'),
  ]);
  const editLabel = await first
    .getByRole('button', { name: /^Edit / })
    .first()
    .getAttribute('aria-label');
  const original = editLabel?.slice('Edit '.length) ?? '';
  const base = original.slice(0, 50);
  const [mine, theirs, late] = [`${base} 1`, `${base} 2`, `${base} 3`];
  const rename = async (page: Page, from: string, to: string) => {
    await page
      .getByRole('button', { name: `Edit ${from}`, exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit property' });
    await dialog.getByLabel('Name', { exact: true }).fill(to);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    return dialog;
  };

  // Both open the form on the same name; the first saves.
  await second
    .getByRole('button', { name: `Edit ${original}`, exact: true })
    .click();
  const firstDialog = await rename(first, original, theirs);
  await expect(firstDialog).toBeHidden();

  // The second is told, with both names, and keeps its own.
  const dialog = second.getByRole('dialog', { name: 'Edit property' });
  await dialog.getByLabel('Name', { exact: true }).fill(mine);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = dialog.getByRole('alert');
  await expect(notice).toContainText(`Saved now: ${theirs}`);
  await expect(notice).toContainText(`Yours: ${mine}`);
  await notice.getByRole('button', { name: 'Save mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    second.getByRole('link', { name: mine, exact: true }),
  ).toBeVisible();

  // The first still shows its own name; editing it again says so too, and
  // this time the saved name is kept.
  const again = await rename(first, theirs, late);
  const secondNotice = again.getByRole('alert');
  await expect(secondNotice).toContainText(`Saved now: ${mine}`);
  await secondNotice
    .getByRole('button', { name: 'Keep the saved ones' })
    .click();
  await expect(again).toBeHidden();
  const saved = first.getByRole('link', { name: mine, exact: true });
  await expect(saved).toBeVisible();
  await expect(
    first.getByText('The saved values are kept', { exact: true }),
  ).toBeVisible();
  await first.reload();
  await expect(saved).toBeVisible();
  await first.context().close();
  await second.context().close();
});

test('a delete keeps its event on Undo, and is still sent when the page is reloaded inside its Undo window', async ({
  browser,
}) => {
  const [first, second] = await Promise.all([
    openAsOlga(browser, '/events'),
    openAsOlga(browser, '/events'),
  ]);
  const rows = (page: Page) =>
    page.getByRole('button', { name: /^Edit transaction: / });
  const row = (page: Page, name: string) =>
    page.getByRole('button', { name, exact: true });
  const name = (await rows(first).first().getAttribute('aria-label')) ?? '';
  expect(name).not.toBe('');
  const askToDelete = async () => {
    await row(first, name).click();
    await first
      .getByRole('dialog', { name: 'Edit transaction' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await first
      .getByRole('alertdialog', { name: 'Delete this transaction?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(row(first, name)).toBeHidden();
  };

  // Deleted, then undone: nothing was sent, so the other browser can still
  // edit the very same event.
  await askToDelete();
  await first.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(row(first, name)).toBeVisible();
  await row(second, name).click();
  const edit = second.getByRole('dialog', { name: 'Edit transaction' });
  await edit.getByLabel('Description').fill('Checked in the second tab');
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(
    second.getByText('Changes saved', { exact: true }),
  ).toBeVisible();

  // Deleted again and the page reloaded at once: the browser asks, the
  // owner leaves, and the delete goes out as the page goes away.
  await askToDelete();
  first.on('dialog', (dialog) => void dialog.accept());
  await first.reload();
  await expect(rows(first).first()).toBeVisible();
  await second.reload();
  await expect(rows(second).first()).toBeVisible();
  await expect(second.getByText('Checked in the second tab')).toHaveCount(0);
  await first.context().close();
  await second.context().close();
});

test('an event saved in one tab shows in another tab of the same browser at once, asking for nothing', async ({
  browser,
}) => {
  const first = await openAsOlga(browser, '/events');
  // A second tab, signed in on its own (a tab keeps its session to itself).
  const second = await first.context().newPage();
  await signInAsOlga(second, '/events');
  const end = (page: Page) =>
    page.getByText(/^That is all: [\d,]+ transactions?\./);
  // The index has every month once the totals are summed.
  for (const page of [first, second]) {
    await expect(
      page.getByText(/^Totals of [\d,]+ transactions?\./),
    ).toBeVisible();
  }
  const count = Number((await end(second).innerText()).replace(/\D/g, ''));
  const requests: string[] = [];
  second.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/events')) {
      requests.push(request.url());
    }
  });

  await first.keyboard.press('n');
  const add = first.getByRole('dialog', { name: 'New transaction' });
  await add.getByLabel('Property').selectOption({ index: 1 });
  await add.getByLabel('Income').fill('321');
  await add
    .getByLabel('Description')
    .fill('Keys handed over, from the first tab');
  await add.getByRole('button', { name: 'Add transaction' }).click();
  await expect(add).toBeHidden();

  await expect(end(second)).toHaveText(new RegExp(`${count + 1}`));
  await second.getByLabel('Search descriptions').fill('keys handed over');
  await expect(
    second.getByRole('button', {
      name: /^Edit transaction: .*Keys handed over, from the first tab$/,
    }),
  ).toBeVisible();
  expect(requests).toEqual([]);
  await first.context().close();
});

test('an event saved on another device shows once the owner is back in the window, asking only for the months on screen', async ({
  browser,
}) => {
  // All time: years of months in the index, a few of them on screen.
  const laptop = await openAsOlga(browser, '/events?period=all');
  const phone = await openAsOlga(browser, '/events?period=all');
  const summed = (page: Page) =>
    page.getByText(/^Totals of [\d,]+ transactions?\./);
  await expect(summed(laptop)).toBeVisible();
  const count = Number((await summed(laptop).innerText()).replace(/\D/g, ''));

  // The phone's ledger is there before its owner types on it.
  await expect(summed(phone)).toBeVisible();
  await phone.keyboard.press('n');
  const add = phone.getByRole('dialog', { name: 'New transaction' });
  await add.getByLabel('Property').selectOption({ index: 1 });
  await add.getByLabel('Expense').fill('654');
  await add.getByLabel('Description').fill('Light bulbs, from the phone');
  await add.getByRole('button', { name: 'Add transaction' }).click();
  await expect(add).toBeHidden();
  await phone.context().close();

  // The laptop has heard nothing: another browser, no shared channel.
  await expect(summed(laptop)).toHaveText(new RegExp(`${count}`));
  const months: string[] = [];
  laptop.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/events')) {
      months.push(url.searchParams.get('date_from') ?? 'none');
    }
  });
  // Half a minute later the owner comes back to the window.
  await laptop.clock.fastForward('00:31');
  await laptop.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));

  await expect(summed(laptop)).toHaveText(new RegExp(`${count + 1}`));
  // The months that hold her events ("go to month" lists them), and those
  // of the rows the table has rendered.
  const held =
    (await laptop.getByLabel('Go to month').locator('option').count()) - 1;
  const rendered = await laptop
    .getByRole('table', { name: 'Transactions' })
    .locator('time[datetime]')
    .evaluateAll((times) =>
      times.map((time) => `${time.getAttribute('datetime')?.slice(0, 7)}-01`),
    );
  await laptop.getByLabel('Search descriptions').fill('light bulbs');
  await expect(
    laptop.getByRole('button', {
      name: /^Edit transaction: .*Light bulbs, from the phone$/,
    }),
  ).toBeVisible();
  // This month and those of the rows on screen, one request each: a few
  // of the months her history holds.
  const today = await laptop.evaluate(() => new Date().toISOString());
  const thisMonth = `${today.slice(0, 7)}-01`;
  expect(months).toContain(thisMonth);
  expect(new Set(months).size).toBe(months.length);
  for (const month of months) {
    expect([thisMonth, ...rendered]).toContain(month);
  }
  expect(months.length).toBeLessThan(held / 2);
  await laptop.context().close();
});
