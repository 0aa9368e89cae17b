const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DATE_LIKE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const IP_LIKE = /^\d{1,3}(\.\d{1,3}){3}$/;
const YEAR_RANGE = /^\d{4}\s*-\s*\d{4}$/;
const GROUPED_DIGITS = /\d[\s.-]+\(?\d/;
// "Allen, Miss. Elisabeth Walton": surname, comma, a capitalised title or first name, then more words.
const SURNAME_FIRST = /^\p{Lu}[\p{L}'’-]*(?:[ -]\p{L}[\p{L}'’-]*)*,\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*\.?(?:\s+\(?[\p{L}"'’.-]+\)?)*$/u;
// "John Smith", "Mary J. Blige", "Dr. Ann Lee": two to five capitalised words or initials.
const CAPITALISED_WORDS = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,4}$/u;

/** An e-mail address: something@domain.tld with no spaces. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/**
 * A phone number: 7 to 15 digits written with only + ( ) . - and spaces, grouped the way phones are written (a leading
 * +, parentheses or separators between digit groups). Plain numbers, dates, IP addresses and year ranges are not phones.
 */
export function isPhone(value: string): boolean {
  const t = value.trim();
  if (!PHONE_CHARS.test(t) || PLAIN_NUMBER.test(t) || DATE_LIKE.test(t) || IP_LIKE.test(t) || YEAR_RANGE.test(t)) return false;
  let digits = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) digits++;
  if (digits < 7 || digits > 15) return false;
  return t.startsWith('+') || t.includes('(') || GROUPED_DIGITS.test(t);
}

/** A person's name: "Last, Title. First …" (Titanic style) or two to five capitalised words, optionally after a title. */
export function isPersonName(value: string): boolean {
  const t = value.trim();
  return SURNAME_FIRST.test(t) || CAPITALISED_WORDS.test(t);
}

/** Share (0..1) of `values` that satisfy `test`; 0 for an empty sample. */
export function shareMatching(values: readonly string[], test: (value: string) => boolean): number {
  if (values.length === 0) return 0;
  let hits = 0;
  for (const v of values) if (test(v)) hits++;
  return hits / values.length;
}
