import { headerTokens, hasToken } from './header-tokens.ts';

const EVENT_NAMES = ['event_time', 'event_timestamp', 'event_date', 'event_ts', 'event_at', 'event_datetime'];
const GOOD_NAMES = ['timestamp', 'created_at', 'created', 'occurred_at', 'ts', 'datetime', 'date', 'time', 'created_date', 'created_time'];
const GOOD_WORDS = ['event', 'created', 'occurred', 'timestamp', 'ts', 'datetime', 'transaction', 'order', 'signup', 'start'];
const WEAK_WORDS = ['date', 'time', 'at', 'day', 'when'];
// Times set after the event (or that describe the outcome) would leak the label if used to order rows.
const AFTER_WORDS = [
  'updated', 'modified', 'label', 'outcome', 'resolved', 'closed', 'end', 'ended', 'deleted', 'expiry', 'expires', 'churn',
  'cancelled', 'canceled',
];

/**
 * How strongly a datetime column's header says "when the event happened": 4 for event_time-like names, 3 for
 * timestamp/created_at/date, 2 for headers with event/created/… words, 1 for other date or time words, 0 for none,
 * -1 for times that come after the event (updated_at, resolved_at, label_time), which are never suggested.
 */
export function eventTimeScore(name: string): number {
  const tokens = headerTokens(name);
  const joined = tokens.join('_');
  if (hasToken(tokens, AFTER_WORDS)) return -1;
  if (EVENT_NAMES.includes(joined)) return 4;
  if (GOOD_NAMES.includes(joined)) return 3;
  if (hasToken(tokens, GOOD_WORDS)) return 2;
  return hasToken(tokens, WEAK_WORDS) ? 1 : 0;
}
