import type { Snapshot } from '../../data/snapshot.ts';
import { countCodes } from '../../profile/count-codes.ts';
import { PII_VALUE_SHARE } from '../../profile/detect-pii.ts';
import { textShape } from '../../profile/text-shape.ts';
import { isPersonName, shareMatching } from '../../profile/value-patterns.ts';
import { columnsWithRole, type DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { percent } from './finding-text.ts';

/** Row-weighted share of values with a space between words from which a feature reads as free text. */
export const SPACED_VALUE_SHARE = 0.5;
/** Fewer distinct values than this are a short code list ("first class", "New York"), not text or names. */
export const MIN_FLAGGED_DISTINCT = 10;

const WORDS = /\S+/g;

/**
 * `pii:values:<column>` (warn) for each categorical feature that writes its values in clear into the bundle's
 * `preprocessing.json` although they look like personal data, by the profile's own evidence: ≥ 50% of its distinct
 * values look like personal names, or (as free text) ≥ 50% of its rows hold a space between words and its values
 * average three words or more. Needs ≥ 10 distinct values. Columns in `hashedColumns` are not flagged: only salted
 * digests of them reach the bundle. Messages quote shares and counts, never values.
 */
export function checkCategoryValues(snapshot: Snapshot, contract: DataContract): Finding[] {
  const hashed = new Set(contract.hashedColumns ?? []);
  const findings: Finding[] = [];
  for (const name of columnsWithRole(contract, 'feature')) {
    const column = snapshot.columns.find((c) => c.name === name);
    if (!column || column.type !== 'categorical' || hashed.has(name)) continue;
    const { counts, distinct } = countCodes(column.codes, column.categories.length);
    if (distinct < MIN_FLAGGED_DISTINCT) continue;
    const present = column.categories.filter((_, c) => counts[c] > 0);
    const names = shareMatching(present, isPersonName);
    const shape = textShape(column.categories, counts);
    const meanWords = present.reduce((s, v) => s + (v.match(WORDS)?.length ?? 0), 0) / present.length;
    const freeText = shape.spacedShare >= SPACED_VALUE_SHARE && meanWords >= 3;
    if (names < PII_VALUE_SHARE && !freeText) continue;
    const what = names >= PII_VALUE_SHARE
      ? `${percent(names)} of its ${distinct} distinct values look like personal names`
      : `its values read as free text (${percent(shape.spacedShare)} of rows have spaces between words, ${meanWords.toFixed(1)} words on average)`;
    findings.push({
      id: `pii:values:${name}`,
      check: 'values-in-bundle',
      status: 'warn',
      column: name,
      message: `The feature "${name}" would write its values in clear into the bundle (preprocessing.json): ${what}.`,
      evidence: `${distinct} distinct values; the model's vocabulary keeps up to 100 of them.`,
      suggestion: 'Give it the role PII, or tick "keep values out of the bundle" to store salted SHA-256 digests instead.',
    });
  }
  return findings;
}
