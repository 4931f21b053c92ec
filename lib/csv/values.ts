/**
 * Cell values as spreadsheets and CRM exports write them. Each parser returns null when the text is
 * not such a value, so the caller can name the line, column and value.
 */

/** How numbers and dates are written: files separated by `;` come from locales with a decimal comma. */
export interface Locale {
  decimalComma: boolean;
}

export const localeOf = (delimiter: string): Locale => ({ decimalComma: delimiter === ';' });

// A currency symbol or ISO code before or after the amount: "$1,250.00", "USD 1,250.00", "1.250,00 €".
const CURRENCY = /^(?:\p{Sc}|[A-Z]{3}(?=[\s\d(+-]))\s*|\s*(?:\p{Sc}|[A-Z]{3})$/gu;
// Spaces people and Excel put between thousands: plain, no-break, narrow no-break, and the Swiss apostrophe.
const GROUP_SPACES = /[\s\u00a0\u202f']/g;

// Thousands grouped by the locale's separator: "1,250,000.00" or, with a decimal comma, "1.250.000,00".
const GROUPED_POINT = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_COMMA = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;

function plainNumber(text: string, locale: Locale): number | null {
  const group = locale.decimalComma ? '.' : ',';
  let digits = text.replace(GROUP_SPACES, '');
  if ((locale.decimalComma ? GROUPED_COMMA : GROUPED_POINT).test(digits))
    digits = digits.split(group).join('');
  // A decimal-comma file may still hold a machine-written "1250.5": one dot and no comma is a decimal point.
  if (locale.decimalComma) digits = /^\d*\.\d+$/.test(digits) ? digits : digits.replace(',', '.');
  if (!/^(?:\d+\.?\d*|\.\d+)$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

/**
 * "1250000", "$1,250,000.00", "USD 1,250,000", "1 250 000", "1.250.000,00" (in a `;` file),
 * "-3", "(1,000)" (accounting negative), "12.5%" (the number shown, 12.5).
 */
export function parseNumber(input: string, locale: Locale): number | null {
  let text = input.trim().replace(/%$/, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(CURRENCY, '').trim();
  if (/^[-+]/.test(text)) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY, '').trim();
  if (text === '') return null;
  const value = plainNumber(text, locale);
  if (value === null) return null;
  return negative ? -value : value;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function parseBoolean(input: string): boolean | null {
  const text = input.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// "2026-01-10 10:00" (HubSpot), "2026-01-10T10:00:00Z", with optional seconds, fraction and offset.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// "3/30/2026", "30.03.2026", "30/03/2026", optionally followed by a time ("3/30/2026 7:23 AM").
const LOCAL_DATE = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

interface DateParts {
  date: string;
  time: string | null;
}

/**
 * Slashes are month first (US, Salesforce's default locale) in `,` files and day first in `;` files;
 * dots are always day first. ISO dates are always accepted. Times without an offset are taken as UTC.
 */
function dateParts(input: string, locale: Locale): DateParts | null {
  const text = input.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date === null ? null : { date, time: null };
  }
  const stamp = ISO_DATE_TIME.exec(text);
  if (stamp) {
    const date = validDate(Number(stamp[1]), Number(stamp[2]), Number(stamp[3]));
    if (date === null) return null;
    const offset = stamp[8] === undefined || stamp[8].toUpperCase() === 'Z' ? 'Z' : stamp[8];
    const at = new Date(`${date}T${stamp[4]}:${stamp[5]}:${stamp[6] ?? '00'}${stamp[7] ?? ''}${offset}`);
    return Number.isNaN(at.getTime()) ? null : { date, time: at.toISOString() };
  }
  const local = LOCAL_DATE.exec(text);
  if (!local) return null;
  const dayFirst = local[2] === '.' || locale.decimalComma;
  const [first, second] = [Number(local[1]), Number(local[3])];
  const date = validDate(Number(local[4]), dayFirst ? second : first, dayFirst ? first : second);
  if (date === null) return null;
  if (local[5] === undefined) return { date, time: null };
  let hours = Number(local[5]);
  const meridiem = local[8]?.toUpperCase();
  if (meridiem !== undefined && (hours < 1 || hours > 12)) return null;
  if (meridiem === 'PM' && hours < 12) hours += 12;
  if (meridiem === 'AM' && hours === 12) hours = 0;
  if (hours > 23) return null;
  return { date, time: `${date}T${pad(hours)}:${local[6]}:${local[7] ?? '00'}.000Z` };
}

/** A calendar date, `YYYY-MM-DD` (a time of day, if given, is dropped). */
export function parseDate(input: string, locale: Locale): string | null {
  return dateParts(input, locale)?.date ?? null;
}

/** A moment, as an ISO-8601 UTC timestamp; a bare date is its midnight UTC. */
export function parseTimestamp(input: string, locale: Locale): string | null {
  const parts = dateParts(input, locale);
  if (parts === null) return null;
  return parts.time ?? `${parts.date}T00:00:00.000Z`;
}

/** A list in one cell, separated by `;` or `|` ("a1; a2|a3"). */
export function splitList(input: string): string[] {
  return input
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Takes off the apostrophe an export puts before text a spreadsheet would run as a formula. */
export const unescapeFormula = (text: string) => text.replace(/^'(?=[=+\-@\t\r])/, '');
