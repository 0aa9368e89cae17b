import { columnLength, type Column } from '../data/column.ts';
import type { ColumnProfile } from '../data/column-profile.ts';
import { percent } from '../percent.ts';
import { hasToken, headerTokens } from './header-tokens.ts';
import { isEmail, isPersonName, isPhone, shareMatching } from './value-patterns.ts';

/** Share of sampled values that must look like personal names before a bare "name" header counts as a person's name. */
export const NAME_VALUE_SHARE = 0.3;
/** Share of sampled values a pattern must match before the values alone mark a column as PII. */
export const PII_VALUE_SHARE = 0.5;

// Headers that name a personal identifier strongly enough to mark even a numeric column.
const STRONG: ReadonlyArray<readonly [readonly string[], string]> = [
  [['ssn'], 'a social security number'],
  [['social', 'security'], 'a social security number'],
  [['phone'], 'a phone number'], [['telephone'], 'a phone number'], [['tel'], 'a phone number'],
  [['mobile'], 'a phone number'], [['fax'], 'a fax number'], [['passport'], 'a passport number'],
  [['iban'], 'a bank account number'], [['creditcard'], 'a credit card number'], [['credit', 'card'], 'a credit card number'],
  [['email'], 'an e-mail address'], [['e', 'mail'], 'an e-mail address'],
];
const NAME_WORDS = ['name', 'surname', 'fullname', 'firstname', 'lastname', 'forename', 'givenname', 'familyname', 'nickname', 'username'];
// Qualifiers that make "…_name" a thing's name rather than a person's.
const THING_WORDS = [
  'product', 'item', 'company', 'org', 'organisation', 'organization', 'brand', 'model', 'file', 'host', 'domain', 'store',
  'shop', 'country', 'city', 'state', 'region', 'street', 'category', 'class', 'event', 'feature', 'column', 'team', 'app',
  'project', 'job', 'browser', 'species', 'breed', 'variety', 'plant', 'campaign', 'channel', 'merchant', 'vendor', 'bank',
  'airport', 'airline', 'operator', 'aircraft', 'station', 'site', 'hospital', 'school', 'venue', 'route', 'place', 'location',
];
const ID_LIKE_WORDS = ['id', 'key', 'no', 'num', 'number', 'code', 'count', 'class', 'type', 'uuid'];
const ADDRESS_WORDS = ['address', 'addr', 'street', 'residence', 'hometown', 'postcode', 'zipcode', 'zip', 'postal'];
const PLACE_WORDS = ['home', 'dest', 'destination', 'city', 'town', 'village'];
const BIRTH_WORDS = ['dob', 'birth', 'birthday', 'birthdate'];

// Words that turn "phone" into a fact about a phone ("has_phone", "email_opt_in", "phone_type") rather than the number.
const ABOUT_WORDS = ['has', 'is', 'count', 'verified', 'opt', 'flag', 'type', 'status', 'sent', 'valid', 'consent', 'domain', 'provider', 'carrier', 'app'];

function strongHeader(tokens: readonly string[]): string | null {
  if (hasToken(tokens, ABOUT_WORDS)) return null;
  for (const [words, what] of STRONG) if (words.every((w) => tokens.includes(w))) return what;
  return null;
}

// "name"-like headers mark a person outright; a person noun such as "passenger" needs name-like values to agree.
function nameHeader(tokens: readonly string[], nameShare: number): boolean {
  if (tokens.length === 1 && (tokens[0] === 'first' || tokens[0] === 'last')) return true;
  if (hasToken(tokens, ['first', 'last', 'full', 'given', 'family']) && tokens.includes('name')) return true;
  if (hasToken(tokens, THING_WORDS)) return false;
  // A bare "name" names anything ("Airport Name", "Name" of a product): only name-like values make it a person's.
  if (tokens.includes('name') && !hasToken(tokens, NAME_WORDS.filter((w) => w !== 'name'))) return nameShare >= NAME_VALUE_SHARE;
  if (hasToken(tokens, NAME_WORDS)) return true;
  return tokens.includes('passenger') && !hasToken(tokens, ID_LIKE_WORDS) && nameShare >= PII_VALUE_SHARE;
}

function placeHeader(tokens: readonly string[], profile: ColumnProfile): boolean {
  if (hasToken(tokens, ADDRESS_WORDS)) return true;
  // "home_ownership" or a five-city store column is not an address; a home town takes many values.
  const varied = profile.kind === 'text' || profile.kind === 'id' || profile.distinct > 20;
  return varied && hasToken(tokens, PLACE_WORDS) && !hasToken(tokens, ['ownership', 'owner', 'type']);
}

/**
 * Why a column looks like personally identifying information, or null. `samples` are evenly spaced present cells of a
 * categorical column (empty for other storage). Checked in order: e-mail and phone values (≥ 50% of samples), a header
 * naming a personal identifier (any storage, mostly unique values), a birth header, then for text values only: a
 * person-name header, person-name values in a text or id column, an address/home-town header, and free text.
 * Reasons carry shares and counts, never cell values, so they are safe to show or store.
 */
export function detectPii(column: Column, profile: ColumnProfile, samples: readonly string[]): string | null {
  const tokens = headerTokens(column.name);
  const emails = shareMatching(samples, isEmail);
  if (emails >= PII_VALUE_SHARE) return `${percent(emails)} of sampled values look like e-mail addresses.`;
  const phones = shareMatching(samples, isPhone);
  if (phones >= PII_VALUE_SHARE) return `${percent(phones)} of sampled values look like phone numbers.`;
  // Identifiers are mostly unique; a repeating or yes/no column under such a header holds something else.
  const present = columnLength(column) - profile.missing;
  const strong = column.type !== 'boolean' && profile.distinct > present / 2 ? strongHeader(tokens) : null;
  if (strong) return `The header "${column.name}" names ${strong}.`;
  if (hasToken(tokens, BIRTH_WORDS) && (column.type === 'categorical' || column.type === 'datetime')) {
    return `The header "${column.name}" names a birth date or birthplace.`;
  }
  if (column.type !== 'categorical') return null;
  const names = shareMatching(samples, isPersonName);
  if (nameHeader(tokens, names)) {
    const evidence = names > 0 ? `, and ${percent(names)} of sampled values look like personal names` : '';
    return `The header "${column.name}" names a person${evidence}.`;
  }
  if ((profile.kind === 'text' || profile.kind === 'id') && names >= PII_VALUE_SHARE) {
    return `${percent(names)} of sampled values look like personal names ("Last, Title. First" or capitalised words).`;
  }
  if (placeHeader(tokens, profile)) {
    return `The header "${column.name}" names an address or home town, and it holds ${profile.distinct} distinct places.`;
  }
  if (profile.kind === 'text') {
    return `Free text (${profile.distinct} distinct values, mostly with spaces or long) can hold names and other personal details.`;
  }
  return null;
}
