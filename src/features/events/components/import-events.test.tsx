import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { mockDb } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';

const ENGLISH = 2;

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's properties, the first two. */
function twoProperties() {
  const [first, second] = mockDb().listObjects(adminId());
  if (!first || !second) throw new Error('admin has too few properties');
  return [first, second] as const;
}

/** What the database holds of these tests' rows. */
const imported = () =>
  mockDb()
    .snapshot()
    .events.filter((event) => event.description.startsWith('Import:'))
    .map(({ notification_date, object_id, income, expense, description }) => ({
      notification_date,
      object_id,
      income,
      expense,
      description,
    }))
    .sort((a, b) => a.notification_date.localeCompare(b.notification_date));

const csv = (name: string, ...records: string[]) =>
  new File([records.join('\r\n')], name, { type: 'text/csv' });

async function openLedger() {
  const view = renderApp('/events?period=all', { user: 'admin' });
  await screen.findByText(/^Totals of [\d,]+ transactions?\.$/, undefined, {
    timeout: 10_000,
  });
  return view;
}

/** Opens the import dialog and chooses `file`; the dialog once it is read. */
async function openImport(
  user: ReturnType<typeof renderApp>['user'],
  file: File,
) {
  await user.click(screen.getByRole('button', { name: 'Import' }));
  const dialog = await screen.findByRole('dialog', {
    name: 'Import transactions from a file',
  });
  await user.upload(within(dialog).getByLabelText('Choose a file'), file);
  await within(dialog).findByRole('list', { name: 'Rows of the file' });
  return dialog;
}

/** Imports what the dialog is set to, then closes it with Done. */
async function importAndClose(
  user: ReturnType<typeof renderApp>['user'],
  dialog: HTMLElement,
  count: number,
) {
  await user.click(
    await within(dialog).findByRole('button', {
      name: `Import ${count} transaction${count === 1 ? '' : 's'}`,
    }),
  );
  await user.click(await within(dialog).findByRole('button', { name: 'Done' }));
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
}

beforeEach(() => {
  mockDb().updateUser(adminId(), { languageId: ENGLISH });
});

describe('importing a file', { timeout: 30_000 }, () => {
  it('leaves its Undo in a toast once the dialog is closed, and that Undo takes every row back', async () => {
    const { user } = await openLedger();
    const [property] = twoProperties();
    const dialog = await openImport(
      user,
      csv(
        'statement.csv',
        'Date,Description,Amount',
        '2024-03-01,Import: rent,1200',
        '2024-03-05,Import: repair,-300',
      ),
    );
    await user.selectOptions(
      within(dialog).getByLabelText('Import into'),
      property.name,
    );
    await importAndClose(user, dialog, 2);
    expect(imported()).toEqual([
      {
        notification_date: '2024-03-01',
        object_id: property.id,
        income: 1200,
        expense: 0,
        description: 'Import: rent',
      },
      {
        notification_date: '2024-03-05',
        object_id: property.id,
        income: 0,
        expense: 300,
        description: 'Import: repair',
      },
    ]);

    const sent = recordMockRequests();
    const toast = (await screen.findByText('2 transactions imported')).closest(
      'li',
    );
    if (!toast) throw new Error('no toast');
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('2 transactions removed'),
    ).toBeInTheDocument();
    expect(imported()).toEqual([]);
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(
      2,
    );
  });

  it('reads a file with the same header as the last one was imported: its columns and its one property', async () => {
    const { user } = await openLedger();
    const [, property] = twoProperties();
    const header = 'Date,Memo,Note,Amount';
    const first = await openImport(
      user,
      csv('march.csv', header, '2024-03-01,card 1234,Import: rent,1200'),
    );
    // Guessed from the header: the first column of words.
    expect(within(first).getByLabelText('Description column')).toHaveValue('1');
    await user.selectOptions(
      within(first).getByLabelText('Description column'),
      'Note',
    );
    await user.selectOptions(
      within(first).getByLabelText('Import into'),
      property.name,
    );
    await importAndClose(user, first, 1);

    const second = await openImport(
      user,
      csv('april.csv', header, '2024-04-01,card 1234,Import: rent,1250'),
    );
    expect(within(second).getByLabelText('Description column')).toHaveValue(
      '2',
    );
    expect(within(second).getByLabelText('Import into')).toHaveValue(
      String(property.id),
    );
    await importAndClose(user, second, 1);
    expect(
      imported().map((event) => [event.object_id, event.description]),
    ).toEqual([
      [property.id, 'Import: rent'],
      [property.id, 'Import: rent'],
    ]);

    // Another header is guessed afresh.
    const other = await openImport(
      user,
      csv('other.csv', 'Date,Memo,Amount', '2024-05-01,Import: rent,1300'),
    );
    expect(within(other).getByLabelText('Import into')).toHaveValue('');
  });

  it('gives a name that is none of the owner’s properties the property chosen for it last time, keeping no name in storage', async () => {
    const { user } = await openLedger();
    const [known, chosen] = twoProperties();
    const header = 'Date,Property,Details,Amount';
    const first = await openImport(
      user,
      csv(
        'by-name.csv',
        header,
        `2024-03-01,${known.name},Import: rent,1200`,
        '2024-03-02,Old name,Import: insurance,-300',
      ),
    );
    expect(within(first).getByLabelText('Property')).toHaveValue('column');
    await user.selectOptions(
      within(first).getByLabelText('“Old name” (1 row)'),
      chosen.name,
    );
    await importAndClose(user, first, 2);
    expect(localStorage.getItem('smartcomm.import-layouts')).not.toMatch(
      /old name/i,
    );

    // The same name, written otherwise: the same choice.
    const second = await openImport(
      user,
      csv(
        'by-name-april.csv',
        header,
        '2024-04-02, OLD NAME ,Import: insurance,-310',
      ),
    );
    expect(within(second).getByLabelText('“OLD NAME” (1 row)')).toHaveValue(
      String(chosen.id),
    );
    await importAndClose(user, second, 1);
    expect(imported().map((event) => [event.object_id, event.expense])).toEqual(
      [
        [known.id, 0],
        [chosen.id, 300],
        [chosen.id, 310],
      ],
    );
  });
});
