import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';

import type { Event } from '@/api/generated';
import { listObjectsOptions } from '@/api/generated/@tanstack/react-query.gen';
import { ledgerQueries } from '@/ledger/shards';
import { addFault, mockDb, setSwitches } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';
import { parseCsv } from '@/testing/parse-csv';
import { renderApp } from '@/testing/render-app';
import { newestFirst } from '@/testing/events';

const ENGLISH = 2;
const HEADER_EN = ['Date', 'Property', 'Description', 'Income', 'Expense'];

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's events in a range straight from the store, in list order. */
function adminEvents(
  from = '0000-01-01',
  to = '9999-12-31',
  objectId?: number,
): Event[] {
  const { objects, events } = mockDb().snapshot();
  const own = new Set(
    objects.filter((o) => o.ownerId === adminId()).map((o) => o.id),
  );
  return events
    .filter(
      (event) =>
        own.has(event.object_id) &&
        (objectId === undefined || event.object_id === objectId) &&
        event.notification_date >= from &&
        event.notification_date <= to,
    )
    .sort(newestFirst);
}

/** The records a spreadsheet should show for these events. */
function expectedRecords(events: readonly Event[]): string[][] {
  const names = new Map(
    mockDb()
      .listObjects(adminId())
      .map((object) => [object.id, object.name]),
  );
  // Text a spreadsheet would run as a formula starts with an apostrophe.
  const text = (value: string) =>
    /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return events.map((event) => [
    event.notification_date,
    text(names.get(event.object_id) ?? 'Deleted property'),
    text(event.description),
    String(event.income),
    String(event.expense),
  ]);
}

type Download = { name: string; blob: Blob | undefined; attached: boolean };

/**
 * Catches what the page hands to the browser as a download: the Blob behind
 * the object URL and the link's file name (jsdom would try to navigate).
 */
function captureDownloads() {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => revoked.push(url),
  });
  onTestFinished(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({
      name: this.download,
      blob: blobs.get(this.href),
      attached: this.isConnected,
    });
  });
  return { downloads, revoked, blobUrls: () => [...blobs.keys()] };
}

/** The file's text, after checking it starts with a UTF-8 BOM. */
async function fileText(download: Download | undefined): Promise<string> {
  if (!download?.blob) throw new Error('nothing was downloaded');
  expect(download.blob.type).toBe('text/csv;charset=utf-8');
  const bytes = new Uint8Array(await download.blob.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Forgets the index's months, as a long-open page would after 30 minutes. */
function forgetMonths(queryClient: QueryClient) {
  queryClient.removeQueries({ queryKey: ledgerQueries.monthsKey() });
}

async function waitForTotals() {
  await waitFor(
    () =>
      expect(
        screen.getByText(
          /^(Totals of [\d,]+ (matching )?transactions?|Итоги по [\d\s]+ (найденн\S+ )?операци)/,
        ),
      ).toBeInTheDocument(),
    { timeout: 10_000 },
  );
}

beforeEach(() => {
  mockDb().updateUser(adminId(), { languageId: ENGLISH });
});

describe('CSV export of the ledger', { timeout: 30_000 }, () => {
  it('exports every event of a period across a year boundary', async () => {
    const { downloads, revoked, blobUrls } = captureDownloads();
    // A description a spreadsheet would otherwise run.
    const [object] = mockDb().listObjects(adminId());
    if (!object) throw new Error('admin has no objects');
    mockDb().createEvent(adminId(), {
      notification_date: '2026-01-01',
      object_id: object.id,
      income: 0,
      expense: 1500,
      description: '=HYPERLINK("http://evil.example";"fee; see\nnote")',
    });
    const { user } = renderApp(
      '/events?date_from=2025-12-01&date_to=2026-01-31',
      { user: 'admin' },
    );
    await waitForTotals();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const expected = adminEvents('2025-12-01', '2026-01-31');
    expect(
      await screen.findByText(`Exported ${expected.length} transactions`),
    ).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download?.name).toBe('smartcomm-events-2025-12-01–2026-01-31.csv');
    expect(download?.attached).toBe(true);
    const text = await fileText(download);
    expect(text).toContain('\r\n');
    const records = parseCsv(text, ',');
    expect(records[0]).toEqual(HEADER_EN);
    expect(records.slice(1)).toEqual(expectedRecords(expected));
    const months = new Set(records.slice(1).map((r) => r[0]?.slice(0, 7)));
    expect([...months]).toEqual(['2026-01', '2025-12']);
    expect(records.slice(1).map((record) => record[2])).toContain(
      '\'=HYPERLINK("http://evil.example";"fee; see\nnote")',
    );
    await waitFor(() => expect(revoked).toEqual(blobUrls()), {
      timeout: 3_000,
    });
  });

  it('exports all time from the months the index holds, asking for nothing again', async () => {
    const { downloads } = captureDownloads();
    const { user } = renderApp('/events?period=all', { user: 'admin' });
    await waitForTotals();
    const expected = adminEvents();
    expect(expected.length).toBeGreaterThan(400);
    const sent = recordMockRequests();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(
        `Exported ${expected.length.toLocaleString('en')} transactions`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('smartcomm-events-all-time.csv'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);
    const records = parseCsv(await fileText(downloads[0]), ',');
    expect(records).toHaveLength(expected.length + 1);
    expect(records.slice(1)).toEqual(expectedRecords(expected));
  });

  it('fetches the months it lacks with determinate progress, and Cancel calls them off', async () => {
    const { downloads } = captureDownloads();
    const { user, queryClient } = renderApp('/events?period=all', {
      user: 'admin',
    });
    await waitForTotals();
    const expected = adminEvents();
    forgetMonths(queryClient);
    setSwitches({ latencyMs: 60 });
    const sent = recordMockRequests();

    // Cancelled: nothing downloaded, focus back on the button.
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const bar = await screen.findByRole('progressbar', {
      name: 'Export progress',
    });
    expect(bar).toHaveAttribute('aria-valuemax', String(expected.length));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus();
    // The months in flight are called off: no view waits for them.
    await waitFor(() =>
      expect(sent.some((request) => request.signal.aborted)).toBe(true),
    );
    expect(downloads).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const status = await screen.findByText(
      new RegExp(
        `^Exporting: [\\d,]+ of ${expected.length.toLocaleString('en')} transactions$`,
      ),
    );
    expect(status).toHaveAttribute('role', 'status');
    expect(
      await screen.findByText(
        `Exported ${expected.length.toLocaleString('en')} transactions`,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(status).toHaveTextContent('');
    expect(downloads).toHaveLength(1);
    const records = parseCsv(await fileText(downloads[0]), ',');
    expect(records.slice(1)).toEqual(expectedRecords(expected));
  });

  it('exports the rows as the owner views them: the search, the kind and the order', async () => {
    const { downloads } = captureDownloads();
    const { user } = renderApp(
      `/events?period=all&q=${encodeURIComponent('АРЕНДА')}&type=income&sort=-income`,
      { user: 'admin' },
    );
    await waitForTotals();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const expected = adminEvents()
      .filter(
        (event) =>
          event.income > 0 &&
          event.description.toLowerCase().includes('аренда'),
      )
      .sort((a, b) => b.income - a.income);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      await screen.findByText(
        new RegExp(`^Exported ${expected.length} transactions?$`),
      ),
    ).toBeInTheDocument();
    expect(parseCsv(await fileText(downloads[0]), ',').slice(1)).toEqual(
      expectedRecords(expected),
    );
  });

  it('cannot export a month without events, and says why', async () => {
    const { downloads } = captureDownloads();
    const { user } = renderApp(
      '/events?date_from=2001-02-01&date_to=2001-02-28',
      { user: 'admin' },
    );
    await waitForTotals();
    expect(adminEvents('2001-02-01', '2001-02-28')).toHaveLength(0);
    expect(
      await screen.findByRole('heading', {
        name: 'No transactions in this period',
      }),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Export CSV' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute(
      'title',
      'Nothing to export: no transactions match the filters.',
    );
    await user.click(button);
    expect(downloads).toHaveLength(0);
  });

  it('exports a property’s page in Russian, with `;` and its name in the file', async () => {
    mockDb().updateUser(adminId(), { languageId: 1 });
    const { downloads } = captureDownloads();
    const objects = mockDb().listObjects(adminId());
    const object = objects.find(
      (candidate) =>
        adminEvents('2025-01-01', '2025-12-31', candidate.id).length > 0,
    );
    if (!object) throw new Error('admin has no object with events in 2025');
    const { user } = renderApp(
      `/objects/${object.id}?date_from=2025-01-01&date_to=2025-12-31`,
      { user: 'admin' },
    );
    await waitForTotals();
    await user.click(
      await screen.findByRole('button', { name: 'Экспорт CSV' }),
    );
    const expected = adminEvents('2025-01-01', '2025-12-31', object.id);
    expect(
      await screen.findByText(
        new RegExp(`^Экспортирован[оаы] ${expected.length} операци`),
      ),
    ).toBeInTheDocument();
    const [download] = downloads;
    expect(download?.name).toMatch(
      /^smartcomm-events-[\p{L}\p{N}-]+-2025-01-01–2025-12-31\.csv$/u,
    );
    expect(download?.name).toContain(
      object.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)[0],
    );
    const records = parseCsv(await fileText(download), ';');
    expect(records[0]).toEqual([
      'Дата',
      'Объект',
      'Описание',
      'Доход',
      'Расход',
    ]);
    expect(records.slice(1)).toEqual(expectedRecords(expected));
  });

  it('names a property the page does not know as deleted', async () => {
    const { downloads } = captureDownloads();
    const [known] = mockDb().listObjects(adminId());
    if (!known) throw new Error('admin has no objects');
    mockDb().createEvent(adminId(), {
      notification_date: '2031-05-01',
      object_id: known.id,
      income: 0,
      expense: 90,
      description: 'Water',
    });
    // Made in another tab: its event is in the index, the property is not
    // in the page's list of properties.
    const stranger = mockDb().createObject(adminId(), {
      name: 'Garage',
      area: 18,
      address: 'Elm St 1',
    });
    mockDb().createEvent(adminId(), {
      notification_date: '2031-05-02',
      object_id: stranger.id,
      income: 700,
      expense: 0,
      description: '@rent',
    });
    const { user, queryClient } = renderApp('/events?date_from=2031-05-01', {
      user: 'admin',
    });
    await waitForTotals();
    queryClient.setQueryData(
      listObjectsOptions().queryKey,
      (old) =>
        old && {
          ...old,
          data: old.data.filter((object) => object.id !== stranger.id),
        },
    );
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText('Exported 2 transactions'),
    ).toBeInTheDocument();
    expect(downloads[0]?.name).toBe('smartcomm-events-from-2031-05-01.csv');
    expect(parseCsv(await fileText(downloads[0]), ',')).toEqual([
      HEADER_EN,
      ['2031-05-02', 'Deleted property', "'@rent", '700', '0'],
      ['2031-05-01', known.name, 'Water', '0', '90'],
    ]);
  });

  it('says why an export failed, downloads nothing, and retries', async () => {
    const { downloads } = captureDownloads();
    const { user, queryClient } = renderApp(
      '/events?date_from=2025-12-01&date_to=2026-01-31',
      { user: 'admin' },
    );
    await waitForTotals();
    forgetMonths(queryClient);
    addFault({ method: 'GET', path: '/events', kind: 'status', times: 1 });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^The export failed and nothing was downloaded\. Something went wrong on the server/,
    );
    expect(downloads).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const expected = adminEvents('2025-12-01', '2026-01-31');
    expect(
      await screen.findByText(`Exported ${expected.length} transactions`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    expect(parseCsv(await fileText(downloads[0]), ',')).toHaveLength(
      expected.length + 1,
    );
  });

  it('stops an export when the filter changes', async () => {
    const { downloads } = captureDownloads();
    const { user, queryClient } = renderApp('/events?period=all', {
      user: 'admin',
    });
    await waitForTotals();
    forgetMonths(queryClient);
    setSwitches({ latencyMs: 100 });
    const sent = recordMockRequests();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByRole('progressbar', { name: 'Export progress' }),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Period'), 'last-year');
    await waitFor(() =>
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
    // Months only the export waited for were called off; last year's, which
    // the new filter shows, were not.
    const aborted = (year: string) =>
      sent.filter(
        (request) =>
          new URL(request.url).searchParams
            .get('date_from')
            ?.startsWith(year) && request.signal.aborted,
      );
    await waitFor(() => expect(aborted('2026').length).toBeGreaterThan(0));
    expect(aborted('2025')).toHaveLength(0);
    expect(downloads).toHaveLength(0);
  });
});
