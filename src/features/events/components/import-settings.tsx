import { useTranslation } from '@/lib/i18n';
import type { PropertyObject } from '@/api/generated';
import { SelectField } from '@/components/form/select-field';
import { Alert } from '@/components/ui/alert';
import { Select } from '@/components/ui/input';
import { Field } from '@/components/form/field';

import type { ColumnRole } from '../utils/import/columns';
import type { ImportFormInput } from '../utils/import/form';
import type { FileSummary, OpenOptions } from '../utils/import/reader-core';
import type { ReadRows } from '../utils/import/rows';
import { DELIMITERS, ENCODINGS } from '../utils/import/dialect';
import { DATE_FORMATS, DECIMALS } from '../utils/import/values';

type ImportSettingsProps = {
  summary: FileSummary;
  values: ImportFormInput;
  read: ReadRows | null;
  objects: readonly PropertyObject[];
  /** Read the file again, decoded or split otherwise. */
  onReopen: (options: OpenOptions) => void;
  /** A column's choice changed: its format is found afresh. */
  onColumn: (role: ColumnRole) => void;
};

/**
 * How the file is read, as guessed (or as the same header was read last
 * time): encoding and delimiter, which column holds what, the date order
 * and the decimal separator, and whose property the rows are.
 */
export function ImportSettings({
  summary,
  values,
  read,
  objects,
  onReopen,
  onColumn,
}: ImportSettingsProps) {
  const { t } = useTranslation('events');
  const example = (column: string) => {
    const cell = column === '' ? '' : summary.sample[0]?.[Number(column)];
    return cell?.trim()
      ? t('import.example', { value: cell.trim() })
      : undefined;
  };
  const column = (role: ColumnRole, optional = false) => (
    <SelectField
      name={role}
      label={t(`import.columns.${role}`)}
      hint={example(values[role])}
      onChosen={() => onColumn(role)}
      options={[
        ...(optional ? [{ value: '', label: t('import.noColumn') }] : []),
        ...summary.headers.map((title, index) => ({
          value: String(index),
          label: title,
        })),
      ]}
      placeholder={optional ? undefined : t('import.chooseColumn')}
    />
  );
  const ambiguous = read !== null && read.dateFormats.length > 1;

  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <SelectField
        name="encoding"
        label={t('import.encoding')}
        options={ENCODINGS.map((value) => ({
          value,
          label: t(`import.encodings.${value}`),
        }))}
        onChosen={(encoding) =>
          onReopen({
            encoding: encoding as (typeof ENCODINGS)[number],
            delimiter: values.delimiter,
          })
        }
      />
      <SelectField
        name="delimiter"
        label={t('import.delimiter')}
        hint={
          summary.header === null
            ? t('import.noHeader')
            : t('import.header', { number: summary.header })
        }
        options={DELIMITERS.map((value) => ({
          value,
          label: t(`import.delimiters.${value === '\t' ? 'tab' : value}`),
        }))}
        onChosen={(delimiter) =>
          onReopen({
            encoding: values.encoding,
            delimiter: delimiter as (typeof DELIMITERS)[number],
          })
        }
      />
      <div className="hidden sm:block" />
      {column('date')}
      <SelectField
        name="dateFormat"
        label={t('import.dateFormat')}
        options={DATE_FORMATS.map((value) => ({
          value,
          label: t(`import.dateFormats.${value}`),
        }))}
        placeholder={t('import.detecting')}
      />
      {column('description', true)}
      {ambiguous && (
        <Alert tone="warning" className="sm:col-span-3">
          {t('import.ambiguousDates', {
            first: t(`import.dateFormats.${read.dateFormats[0] ?? 'dmy'}`),
            second: t(`import.dateFormats.${read.dateFormats[1] ?? 'mdy'}`),
          })}
        </Alert>
      )}
      <SelectField
        name="amounts"
        label={t('import.amounts')}
        options={(['signed', 'split'] as const).map((value) => ({
          value,
          label: t(`import.amountModes.${value}`),
        }))}
        onChosen={() => onColumn('amount')}
      />
      {values.amounts === 'signed' ? (
        <>
          {column('amount')}
          <div className="hidden sm:block" />
        </>
      ) : (
        <>
          {column('income', true)}
          {column('expense', true)}
        </>
      )}
      <SelectField
        name="decimal"
        label={t('import.decimal')}
        hint={t('import.rounding')}
        options={DECIMALS.map((value) => ({
          value,
          label: t(`import.decimals.${value}`),
        }))}
        placeholder={t('import.detecting')}
      />
      <SelectField
        name="target"
        label={t('import.target')}
        options={(['one', 'column'] as const).map((value) => ({
          value,
          label: t(`import.targets.${value}`),
        }))}
      />
      {values.target === 'one' ? (
        <SelectField
          name="objectId"
          label={t('import.property')}
          placeholder={t('import.chooseProperty')}
          options={objects.map((object) => ({
            value: String(object.id),
            label: object.name,
          }))}
        />
      ) : (
        column('property')
      )}
    </div>
  );
}

type UnknownNamesProps = {
  names: readonly { key: string; name: string; count: number }[];
  objects: readonly PropertyObject[];
  chosen: ReadonlyMap<string, number>;
  onChoose: (key: string, objectId: number | null) => void;
};

/** Names in the file's property column that are none of the owner's. */
export function UnknownNames({
  names,
  objects,
  chosen,
  onChoose,
}: UnknownNamesProps) {
  const { t } = useTranslation('events');
  return (
    <fieldset className="grid gap-3 rounded-md border border-border px-3 pt-1 pb-3 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium">
        {t('import.unknownNames')}
      </legend>
      {names.map(({ key, name, count }) => (
        <Field key={key} label={t('import.unknownName', { name, count })}>
          {(control) => (
            <Select
              {...control}
              value={String(chosen.get(key) ?? '')}
              onChange={(event) =>
                onChoose(
                  key,
                  event.target.value ? Number(event.target.value) : null,
                )
              }
            >
              <option value="">{t('import.leaveOut')}</option>
              {objects.map((object) => (
                <option key={object.id} value={object.id}>
                  {object.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ))}
    </fieldset>
  );
}
