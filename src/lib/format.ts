/** Country name in the UI language, from its ISO code; the API's name otherwise. */
export function regionName(
  code: string,
  fallback: string,
  language: string,
): string {
  try {
    return (
      new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? fallback
    );
  } catch {
    return fallback;
  }
}

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** A whole amount in the user's currency and locale; never converted. */
export function formatMoney(
  amount: number,
  currency: string | undefined,
  language: string,
): string {
  return new Intl.NumberFormat(language, {
    ...(currency ? { style: 'currency', currency } : {}),
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** A calendar date (YYYY-MM-DD) in the user's locale, without time-zone shifts. */
export function formatDate(iso: string, language: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export function formatNumber(
  value: number,
  language: string,
  fractionDigits = 1,
): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
