import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';

import type { Event } from '@/api/generated';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { useOnline } from '@/hooks/use-online';
import { useTranslation } from '@/lib/i18n';
import { useFormat } from '@/lib/locale-settings';
import {
  clearOutbox,
  entryResult,
  outboxEntries,
  useOutbox,
  type OutboxEntry,
} from '@/lib/outbox';
import { sendAllDeletes } from '@/lib/pending-deletes';

import { keepMine, letGo, sendOutbox } from '../api/outbox-sender';

/** The owner's properties, as the page knows them. */
type Properties = readonly { id: number; name: string }[] | undefined;

/** One line for an event: date, property, amounts, description. */
function useEventLine(objects: Properties) {
  const format = useFormat();
  const { t } = useTranslation('events');
  return (event: Event) =>
    [
      format.date(event.notification_date),
      objects?.find((object) => object.id === event.object_id)?.name ??
        t('form.deletedObject'),
      event.income > 0 && `+${format.money(event.income)}`,
      event.expense > 0 && `−${format.money(event.expense)}`,
      event.description,
    ]
      .filter(Boolean)
      .join(' · ');
}

function ConflictChoice({
  entry,
  objects,
}: {
  entry: OutboxEntry;
  objects: Properties;
}) {
  const { t } = useTranslation('events');
  const client = useQueryClient();
  const line = useEventLine(objects);
  const selectId = useId();
  const [objectId, setObjectId] = useState<number | undefined>();
  const { conflict } = entry;
  if (!conflict) return null;
  const choices = (mine: string, theirs: string) => (
    <div className="mt-2 flex flex-wrap gap-2">
      <Button size="sm" onClick={() => keepMine(client, entry)}>
        {mine}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => letGo(client, entry)}
      >
        {theirs}
      </Button>
    </div>
  );
  switch (conflict.reason) {
    case 'changed':
      return (
        <>
          <p>
            {t(
              entry.kind === 'delete'
                ? 'outbox.changedDeleted'
                : 'outbox.changed',
              {
                now: line(conflict.current),
              },
            )}
          </p>
          {entry.kind === 'delete'
            ? choices(t('outbox.deleteAnyway'), t('outbox.keepIt'))
            : choices(t('outbox.keepMine'), t('outbox.takeTheirs'))}
        </>
      );
    case 'deleted':
      return (
        <>
          <p>{t('outbox.deleted')}</p>
          {choices(t('outbox.addAgain'), t('outbox.letGo'))}
        </>
      );
    case 'property-gone':
      return (
        <>
          <p>{t('outbox.propertyGone')}</p>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <span className="grid gap-1">
              <label htmlFor={selectId} className="text-xs font-medium">
                {t('outbox.property')}
              </label>
              <select
                id={selectId}
                className="h-9 rounded-md border border-border-strong bg-surface px-2"
                value={objectId ?? ''}
                onChange={(change) => setObjectId(Number(change.target.value))}
              >
                <option value="" disabled />
                {objects?.map((object) => (
                  <option key={object.id} value={object.id}>
                    {object.name}
                  </option>
                ))}
              </select>
            </span>
            <Button
              size="sm"
              disabled={objectId === undefined}
              onClick={() => keepMine(client, entry, objectId)}
            >
              {t('outbox.move')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => letGo(client, entry)}
            >
              {t('outbox.discard')}
            </Button>
          </div>
        </>
      );
    case 'refused':
      return (
        <>
          <p>
            {t('outbox.refused')} {conflict.detail}
          </p>
          {choices(t('outbox.tryAgain'), t('outbox.discard'))}
        </>
      );
  }
}

/**
 * What waits in the outbox (lib/outbox), on every page while anything
 * does: how many, each change when opened, Send now when online, and every
 * conflict with the owner's choice (shown open, since it waits for them).
 */
export function OutboxPanel({ objects }: { objects: Properties }) {
  const { t } = useTranslation('events');
  const client = useQueryClient();
  const entries = useOutbox();
  const online = useOnline();
  const line = useEventLine(objects);
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const listId = useId();
  if (entries.length === 0) return null;
  const conflicts = entries.filter((entry) => entry.conflict).length;
  const shown = open || conflicts > 0;
  const send = async () => {
    setSending(true);
    await sendOutbox(client);
    setSending(false);
  };
  return (
    <section
      aria-label={t('outbox.label')}
      className="mb-4 rounded-md border border-border bg-warning-soft px-4 py-3 text-sm print:hidden"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p role="status" className="font-medium">
          {t('outbox.summary', { count: entries.length })}
          {conflicts > 0 && ` ${t('outbox.conflicts', { count: conflicts })}`}
        </p>
        {conflicts === 0 && (
          <Button
            size="sm"
            variant="secondary"
            aria-expanded={shown}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? 'outbox.hide' : 'outbox.show')}
          </Button>
        )}
        {online && (
          <Button
            size="sm"
            variant="secondary"
            disabled={sending}
            onClick={() => void send()}
          >
            {t(sending ? 'outbox.sending' : 'outbox.sendNow')}
          </Button>
        )}
      </div>
      {shown && (
        <ul id={listId} className="mt-3 grid gap-3">
          {entries.map((entry) => {
            const event =
              entry.kind === 'delete' ? entry.before : entryResult(entry);
            return (
              <li key={entry.key} className="wrap-anywhere">
                <p dir="auto">
                  <span className="font-medium">
                    {t(`outbox.${entry.kind}`)}:
                  </span>{' '}
                  {event && line(event)}
                </p>
                <ConflictChoice entry={entry} objects={objects} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Signing out with the outbox in mind: confirmed deletes and what waits
 * are sent first; what still cannot be (offline, or a conflict) is named,
 * and lost only if the owner says so. `signOut` ends the session.
 */
export function useSignOutAfterOutbox(signOut: () => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unsent, setUnsent] = useState(0);
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    try {
      await sendAllDeletes();
      await sendOutbox(client);
    } finally {
      setSending(false);
    }
    const left = outboxEntries().length;
    if (left === 0) signOut();
    else setUnsent(left);
  };
  const dialog = (
    <ConfirmDialog
      open={unsent > 0}
      onOpenChange={(open) => {
        if (!open) setUnsent(0);
      }}
      title={t('signOutPending.title', { count: unsent })}
      description={t('signOutPending.body')}
      confirmLabel={t('signOutPending.discard')}
      cancelLabel={t('signOutPending.stay')}
      onConfirm={() => {
        clearOutbox();
        signOut();
      }}
    />
  );
  return { start: () => void start(), sending, dialog };
}
