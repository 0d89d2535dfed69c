/**
 * Reads an area as people type it: "28,5" or "28.5", with spaces (or the
 * locale's non-breaking spaces) between thousands. Null if it is no number.
 */
export function parseArea(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

/** An area as the form shows it for editing: the locale's decimal mark, no grouping. */
export function areaInputValue(area: number, locale: string): string {
  const mark =
    new Intl.NumberFormat(locale)
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.';
  return String(area).replace('.', mark);
}
