const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;
const TIME_HEADER = /(time|date|timestamp|epoch|_at$|^at$|_ts$)/i;

/** Epoch milliseconds (UTC) of an ISO 8601 date or date-time, or NaN when `text` is not one. Naive times are read as UTC. */
export function parseIsoDate(text: string): number {
  if (!ISO.test(text)) return NaN;
  let iso = text.replace(' ', 'T');
  // Date.parse reads a zone-less date-time as local time; UTC keeps results the same on every machine.
  if (iso.length > 10 && !HAS_ZONE.test(iso)) iso += 'Z';
  else if (/[+-]\d{4}$/.test(iso)) iso = `${iso.slice(0, -2)}:${iso.slice(-2)}`;
  return Date.parse(iso);
}

/**
 * How a numeric column holds epoch times, judged by header and values: whole numbers in the range of
 * 1973–2100 as seconds or milliseconds, under a time-like header. Null when it is not a time column.
 */
export function epochFormat(name: string, values: Float64Array): 'epoch-seconds' | 'epoch-milliseconds' | null {
  if (!TIME_HEADER.test(name)) return null;
  let seconds = true;
  let millis = true;
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    any = true;
    if (!Number.isInteger(v)) return null;
    if (v < 1e8 || v > 4.2e9) seconds = false;
    if (v < 1e11 || v > 4.2e12) millis = false;
    if (!seconds && !millis) return null;
  }
  if (!any) return null;
  return seconds ? 'epoch-seconds' : 'epoch-milliseconds';
}
