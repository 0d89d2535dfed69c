import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  FormProvider,
  useForm,
  useFormContext,
  useWatch,
} from 'react-hook-form';

import { useTranslation } from '@/lib/i18n';
import { getSessionOwner } from '@/api/auth-session';
import type { EventCreate, PropertyObject } from '@/api/generated';
import { useErrorText } from '@/components/errors/use-error-text';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { UploadIcon } from '@/components/ui/icons';
import { showToast } from '@/components/ui/toaster';
import { rowsQuery } from '@/ledger/rows';
import { useFormat } from '@/lib/locale-settings';
import { UNDO_WINDOW_MS } from '@/lib/pending-deletes';
import { cn } from '@/utils/cn';

import {
  madeEvents,
  useImportEvents,
  type ImportOutcome,
  type ImportRun,
  type ImportStop,
} from '../api/use-import-events';
import { headerSignature, type ColumnRole } from '../utils/import/columns';
import {
  importFormValues,
  layoutOfForm,
  sendsStatus,
  type ImportFormInput,
} from '../utils/import/form';
import { rememberLayout, rememberedLayout } from '../utils/import/layouts';
import {
  eventsOfRun,
  fileKey,
  keptRun,
  type KeptRun,
} from '../utils/import/runs';
import { createReader, MAX_FILE_BYTES } from '../utils/import/reader';
import type { FileSummary, OpenOptions } from '../utils/import/reader-core';
import {
  checkRows,
  nameHash,
  nameKey,
  type CheckedRow,
  type ReadRows,
  type ReadSettings,
} from '../utils/import/rows';
import { localeDecimal, preferredDateFormats } from '../utils/import/values';
import { ImportPreview } from './import-preview';
import { ImportSettings, UnknownNames } from './import-settings';
import { BatchProgressBar } from './repeat-fields';

type ImportEventsDialogProps = {
  objects: readonly PropertyObject[];
  /** The property of the page it opened on: the whole file's at first. */
  objectId?: number | undefined;
  onClose: () => void;
};

/**
 * What was sent: the rows as checked then, each body's record, and the run
 * as it began (what it made before stays that, while the ledger fills with
 * what this run makes).
 */
type Sent = {
  rows: CheckedRow[];
  bodies: EventCreate[];
  records: number[];
  run: ImportRun;
};

const isStop = (error: unknown): error is ImportStop =>
  error === 'cancelled' || error === 'offline';

/**
 * Brings a bank statement or a spreadsheet in: the file is read in a
 * worker (encoding, delimiter and header found, columns guessed from their
 * names), every row previewed with its problems and duplicates, and
 * nothing is sent before the owner says Import. The rows are sent as one
 * batch with progress; Stop, a failure or going offline leaves a Resume
 * that sends only what is not in yet, and one Undo takes the import back.
 */
export function ImportEventsDialog({
  objects,
  objectId,
  onClose,
}: ImportEventsDialogProps) {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const [reader] = useState(createReader);
  useEffect(() => () => reader.close(), [reader]);
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<FileSummary | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [read, setRead] = useState<ReadRows | null>(null);
  const [chosenNames, setChosenNames] = useState<ReadonlyMap<string, number>>(
    new Map(),
  );
  const [sent, setSent] = useState<Sent | null>(null);
  // What an import of this file made before the page was last left.
  const [earlier, setEarlier] = useState<{
    file: string;
    run: KeptRun | null;
  }>();
  const importer = useImportEvents();
  const running = importer.progress !== null;
  const form = useForm<ImportFormInput>();
  const values = useWatch({ control: form.control }) as ImportFormInput;
  const ours = (id: number | undefined) =>
    objects.some((object) => object.id === id) ? id : undefined;

  const locale = useMemo(
    () => ({
      dateFormats: preferredDateFormats(format.locale),
      decimal: localeDecimal(format.locale),
    }),
    [format.locale],
  );

  const openFile = async (picked: File, options: OpenOptions = {}) => {
    setFileError(null);
    if (picked.size === 0 || picked.size > MAX_FILE_BYTES) {
      setFileError(
        t(picked.size === 0 ? 'import.emptyFile' : 'import.tooLarge', {
          max: format.number(MAX_FILE_BYTES / 1024 / 1024),
        }),
      );
      return;
    }
    try {
      const opened = await reader.open(picked, options);
      const owner = getSessionOwner();
      const kept =
        owner === null
          ? null
          : rememberedLayout(owner, headerSignature(opened.headers));
      const fits =
        kept !== null &&
        Object.values(kept.columns).every(
          (column) => column === null || column < opened.headers.length,
        );
      const layout = fits
        ? kept
        : { ...opened.guess, dateFormat: null, decimal: null };
      // The page's property, else the one this header's file went to last,
      // else the owner's only one.
      const fileObject =
        objectId ??
        ours(layout.objectId) ??
        (objects.length === 1 ? objects[0]?.id : undefined);
      form.reset(importFormValues(opened, layout, fileObject));
      const key = fileKey(picked);
      setEarlier({
        file: key,
        run: owner === null ? null : keptRun(owner, key),
      });
      setFile(picked);
      setSummary(opened);
      setRead(null);
      setChosenNames(
        new Map(
          Object.entries(layout.names ?? {}).filter(
            ([, id]) => ours(id) !== undefined,
          ),
        ),
      );
    } catch {
      setFileError(t('import.unreadable'));
    }
  };

  // The file read as the fields say, again whenever a field changes.
  const layout =
    summary && values.date !== undefined ? layoutOfForm(values) : null;
  const layoutKey = layout && JSON.stringify(layout);
  useEffect(() => {
    if (!layoutKey) return;
    let current = true;
    const settings = JSON.parse(layoutKey) as ReadSettings;
    void reader.read(settings, locale).then(
      (result) => {
        if (!current) return;
        setRead(result);
        // The formats found show in their fields.
        const { getValues, setValue } = form;
        if (!getValues('dateFormat') && result.dateFormat) {
          setValue('dateFormat', result.dateFormat);
        }
        if (!getValues('decimal')) setValue('decimal', result.decimal);
      },
      () => {
        if (current) setFileError(t('import.unreadable'));
      },
    );
    return () => {
      current = false;
    };
  }, [reader, layoutKey, locale, form, t]);

  // The ledger over the file's dates, to find what it already holds.
  const range = useMemo(() => {
    const dates = (read?.rows ?? []).flatMap((row) =>
      row.date ? [row.date] : [],
    );
    if (dates.length === 0) return null;
    dates.sort();
    return { date_from: dates[0], date_to: dates[dates.length - 1] };
  }, [read]);
  const ledger = useQuery({ ...rowsQuery(range ?? {}), enabled: !!range });

  const byName = useMemo(
    () => new Map(objects.map((object) => [nameKey(object.name), object.id])),
    [objects],
  );
  const target = values.target;
  const targetId = values.objectId ? Number(values.objectId) : null;
  const checked = useMemo(() => {
    if (!read) return null;
    const existing = range ? ledger.data : [];
    if (!existing) return null;
    return checkRows(
      read.rows,
      target === 'column'
        ? { kind: 'column', byName, chosen: chosenNames }
        : { kind: 'one', objectId: targetId },
      existing,
    );
  }, [read, range, ledger.data, target, byName, chosenNames, targetId]);

  const unknownNames = useMemo(() => {
    if (!read || target !== 'column') return [];
    const names = new Map<
      string,
      { key: string; name: string; count: number }
    >();
    for (const row of read.rows) {
      if (byName.has(nameKey(row.property))) continue;
      const key = nameHash(row.property);
      const known = names.get(key);
      if (known) known.count += 1;
      else names.set(key, { key, name: row.property || '—', count: 1 });
    }
    return [...names.values()];
  }, [read, target, byName]);

  const owner = getSessionOwner();
  const run = useMemo((): ImportRun | null => {
    if (owner === null || !earlier) return null;
    const events = ledger.data ?? [];
    return {
      owner,
      file: earlier.file,
      before: earlier.run ? eventsOfRun(earlier.run, events) : [],
      floor: Math.max(0, ...events.map((event) => event.id)),
    };
  }, [owner, earlier, ledger.data]);

  const rows = sent?.rows ?? checked;
  const sends = (row: CheckedRow) =>
    row.body !== null && sendsStatus(values, row.status);
  const toSend = checked?.filter(sends) ?? [];
  const problems =
    checked?.filter((row) => row.status === 'problem').length ?? 0;
  const rounded = toSend.filter((row) => row.rounded).length;
  const blockedByProblems = problems > 0 && !values.skipProblems;

  const start = async () => {
    if (!checked || !layout || !run || !summary) return;
    rememberLayout(run.owner, headerSignature(summary.headers), {
      ...layout,
      ...(target === 'column'
        ? { names: Object.fromEntries(chosenNames) }
        : { objectId: targetId ?? undefined }),
    });
    const next: Sent = {
      rows: checked,
      bodies: toSend.flatMap((row) => (row.body ? [row.body] : [])),
      records: toSend.map((row) => row.record),
      run,
    };
    setSent(next);
    await importer.send(next.bodies, run);
  };
  const undo = (importRun: ImportRun) => {
    onClose();
    void importer.undo(importRun);
  };

  const outcome = importer.outcome;
  // What the Undo of this import takes back: this run's and the earlier's.
  const undoable =
    outcome && sent ? madeEvents(outcome).length + sent.run.before.length : 0;
  // Closed after an import, its Undo goes on in a toast for the undo
  // window, as a delete's does.
  const close = () => {
    if (running) return;
    if (sent && undoable > 0) {
      const { run: importRun } = sent;
      let undone = false;
      showToast({
        title: t('import.imported', { count: undoable }),
        duration: UNDO_WINDOW_MS,
        action: {
          label: t('common:actions.undo'),
          onClick: () => {
            // Once: a second click must not take the same events out twice.
            if (undone) return;
            undone = true;
            void importer.undo(importRun);
          },
        },
      });
    }
    onClose();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) close();
      }}
      title={t('import.title')}
      description={t('import.description')}
      width="wide"
    >
      <div className="flex flex-col gap-4">
        {fileError && <Alert>{fileError}</Alert>}
        {!sent && (
          <FilePicker
            fileName={file?.name}
            compact={summary !== null}
            onFile={(picked) => void openFile(picked)}
          />
        )}
        {!sent && run && run.before.length > 0 && (
          <Alert
            tone="info"
            action={
              <Button variant="secondary" size="sm" onClick={() => undo(run)}>
                {t('import.undoEarlier', { count: run.before.length })}
              </Button>
            }
          >
            {t('import.earlier', { count: run.before.length })}
          </Alert>
        )}
        {summary && file && (
          <FormProvider {...form}>
            {!sent && values.date !== undefined && (
              <ImportSettings
                summary={summary}
                values={values}
                read={read}
                objects={objects}
                onReopen={(options) => void openFile(file, options)}
                onColumn={(role: ColumnRole) => {
                  if (role === 'date') form.setValue('dateFormat', '');
                  else if (role !== 'description' && role !== 'property') {
                    form.setValue('decimal', '');
                  }
                }}
              />
            )}
            {!sent && unknownNames.length > 0 && (
              <UnknownNames
                names={unknownNames}
                objects={objects}
                chosen={chosenNames}
                onChoose={(key, id) =>
                  setChosenNames((before) => {
                    const next = new Map(before);
                    if (id === null) next.delete(key);
                    else next.set(key, id);
                    return next;
                  })
                }
              />
            )}
            {rows ? (
              <ImportPreview
                rows={rows}
                sends={sends}
                showProperty={target === 'column'}
              />
            ) : (
              <p role="status" className="text-sm text-fg-muted">
                {t('import.checking')}
              </p>
            )}
            {!sent && checked && (
              <ImportChoices
                counts={{
                  problems,
                  inLedger: checked.filter((row) => row.status === 'in-ledger')
                    .length,
                  repeated: checked.filter((row) => row.status === 'repeated')
                    .length,
                }}
              />
            )}
          </FormProvider>
        )}
        {importer.progress && <BatchProgressBar {...importer.progress} />}
        {outcome && sent && !running && (
          <ImportSummary outcome={outcome} sent={sent} reason={errorText} />
        )}
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-4">
          {!sent && checked && (
            <p className="mr-auto text-sm text-fg-muted">
              {rounded > 0 && t('import.roundedCount', { count: rounded })}
            </p>
          )}
          {running ? (
            <Button variant="secondary" onClick={importer.cancel}>
              {t('import.cancel')}
            </Button>
          ) : outcome && sent ? (
            <>
              {undoable > 0 && (
                <Button variant="secondary" onClick={() => undo(sent.run)}>
                  {t('import.undo', { count: undoable })}
                </Button>
              )}
              {outcome.entries.some((entry) => !entry.ok) && (
                <Button
                  variant="secondary"
                  onClick={() => void importer.send(sent.bodies, sent.run)}
                >
                  {t(outcome.stopped ? 'import.resume' : 'import.retry')}
                </Button>
              )}
              <Button onClick={close}>{t('import.done')}</Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                disabled={!checked || toSend.length === 0 || blockedByProblems}
                onClick={() => void start()}
              >
                {t('import.start', {
                  count: toSend.length,
                  formatted: format.number(toSend.length),
                })}
              </Button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}

type FilePickerProps = {
  fileName: string | undefined;
  /** Once a file is open: one line to choose another. */
  compact: boolean;
  onFile: (file: File) => void;
};

/** A file chosen with a button or dropped on the zone. */
function FilePicker({ fileName, compact, onFile }: FilePickerProps) {
  const { t } = useTranslation('events');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed border-border-strong text-sm',
        compact
          ? 'px-3 py-2'
          : 'flex-col justify-center px-4 py-10 text-center',
        over && 'border-primary bg-info-soft',
      )}
    >
      {compact ? (
        <p className="min-w-0 flex-1 truncate font-medium">{fileName}</p>
      ) : (
        <p>{t('import.drop')}</p>
      )}
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        aria-label={t('import.choose')}
        className="hidden"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen) onFile(chosen);
        }}
      />
      <Button
        variant="secondary"
        size={compact ? 'sm' : undefined}
        onClick={() => input.current?.click()}
      >
        <UploadIcon />
        {t(compact ? 'import.chooseOther' : 'import.choose')}
      </Button>
      {!compact && (
        <p className="text-xs text-fg-muted">{t('import.formats')}</p>
      )}
    </div>
  );
}

type ImportChoicesProps = {
  counts: { problems: number; inLedger: number; repeated: number };
};

/** Which of the rows that need not be imported are left out. */
function ImportChoices({ counts }: ImportChoicesProps) {
  const { t } = useTranslation('events');
  const { register } = useFormContext<ImportFormInput>();
  const choices = [
    ['skipProblems', counts.problems],
    ['skipInLedger', counts.inLedger],
    ['skipRepeated', counts.repeated],
  ] as const;
  const shown = choices.filter(([, count]) => count > 0);
  if (shown.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-2 text-sm">
      <legend className="sr-only">{t('import.skipLegend')}</legend>
      {shown.map(([name, count]) => (
        <label key={name} className="flex items-center gap-2">
          <input type="checkbox" className="size-4" {...register(name)} />
          {t(`import.${name}`, { count })}
        </label>
      ))}
      {counts.problems > 0 && (
        <p className="text-xs text-fg-muted">{t('import.problemsHint')}</p>
      )}
    </fieldset>
  );
}

type ImportSummaryProps = {
  outcome: ImportOutcome;
  sent: Sent;
  reason: (error: unknown) => string;
};

// Failures listed by name; the rest are counted.
const LISTED_FAILURES = 20;

/** What the import made, skipped and could not make, and why. */
function ImportSummary({ outcome, sent, reason }: ImportSummaryProps) {
  const { t } = useTranslation('events');
  const made = madeEvents(outcome).length;
  const failed = outcome.entries.flatMap((entry, index) =>
    !entry.ok && !isStop(entry.error)
      ? [{ record: sent.records[index] ?? 0, error: entry.error }]
      : [],
  );
  const unsent = outcome.entries.filter(
    (entry) => !entry.ok && isStop(entry.error),
  ).length;
  return (
    <Alert tone={failed.length > 0 ? 'error' : 'info'}>
      <p className="font-medium">
        {t('import.made', { count: made })}{' '}
        {t('import.skipped', { count: sent.rows.length - sent.bodies.length })}
      </p>
      {unsent > 0 && outcome.stopped && (
        <p>{t(`import.stopped.${outcome.stopped}`, { count: unsent })}</p>
      )}
      {failed.length > 0 && (
        <>
          <p>{t('import.failed', { count: failed.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {failed.slice(0, LISTED_FAILURES).map(({ record, error }) => (
              <li key={record}>
                {t('import.failedRow', {
                  number: record,
                  reason: reason(error),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
