import type { Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { exampleRows, missingRows, percent } from './finding-text.ts';

// Rates are ratios of counts; the slack keeps a seeded limit equal to the observed rate from tripping on rounding.
const SLACK = 1e-9;

/**
 * One finding per present column whose rule sets `maxNullRate` (`validate:null-rate:<column>`): pass within the
 * limit, warn above it, fail above it for the label column. `count` is the number of missing cells.
 */
export function checkNullRates(snapshot: Snapshot, contract: DataContract): Finding[] {
  const findings: Finding[] = [];
  for (const column of snapshot.columns) {
    const limit = contract.rules[column.name]?.maxNullRate;
    if (limit === undefined) continue;
    const rows = missingRows(column);
    const rate = snapshot.rowCount === 0 ? 0 : rows.length / snapshot.rowCount;
    const base = { id: `validate:null-rate:${column.name}`, check: 'null-rate', column: column.name, count: rows.length };
    const evidence = `${rows.length} of ${snapshot.rowCount} rows missing (${percent(rate)}); the rule allows ${percent(limit)}.`;
    if (rate <= limit + SLACK) {
      findings.push({ ...base, status: 'pass', message: `"${column.name}" is missing in ${percent(rate)} of rows, within the rule.`, evidence });
      continue;
    }
    const isLabel = column.name === contract.label;
    findings.push({
      ...base,
      status: isLabel ? 'fail' : 'warn',
      message: `"${column.name}" is missing in ${percent(rate)} of rows, more than the ${percent(limit)} the rule allows.`,
      evidence,
      suggestion: isLabel
        ? 'Rows without a label are dropped: fix the labelling upstream, or raise the limit if so many unlabelled rows are expected.'
        : 'Find out why the values are missing (a broken join, a new form field); raise the limit if it is expected.',
      exampleRows: exampleRows(rows),
    });
  }
  return findings;
}
