import { columnByName, type Snapshot } from '../../data/snapshot.ts';
import type { DataContract } from '../data-contract.ts';
import type { Finding } from '../finding.ts';
import { labelClasses } from '../label-classes.ts';
import { exampleRows, missingRows, percent } from './finding-text.ts';

/**
 * Two findings on the label column (none when it is absent; the required-column check reports that):
 * `validate:missing-label:<label>` warns with the count of unlabelled rows (they are dropped), and
 * `validate:label-classes:<label>` fails when the labelled rows lack either the positive class or any other class.
 */
export function checkLabel(snapshot: Snapshot, contract: DataContract): Finding[] {
  const name = contract.label;
  if (!snapshot.columns.some((c) => c.name === name)) return [];
  const column = columnByName(snapshot, name);
  const missing = missingRows(column);
  const unlabelled: Finding = missing.length === 0
    ? { id: `validate:missing-label:${name}`, check: 'missing-label', status: 'pass', column: name, count: 0, message: `Every row has a "${name}" label.` }
    : {
        id: `validate:missing-label:${name}`,
        check: 'missing-label',
        status: 'warn',
        column: name,
        count: missing.length,
        message: `${missing.length} row${missing.length === 1 ? ' has' : 's have'} no "${name}" label; ${missing.length === 1 ? 'it is' : 'they are'} dropped from training and evaluation.`,
        evidence: `${missing.length} of ${snapshot.rowCount} rows (${percent(missing.length / snapshot.rowCount)}).`,
        suggestion: 'If the outcome is not known yet for these rows, that is fine; otherwise fix the labelling.',
        exampleRows: exampleRows(missing),
      };
  return [unlabelled, classesFinding(contract, labelClasses(column))];
}

function classesFinding(contract: DataContract, classes: ReturnType<typeof labelClasses>): Finding {
  const { label: name, positiveClass: positive } = contract;
  const base = { id: `validate:label-classes:${name}`, check: 'label-classes', column: name };
  const labelled = classes.reduce((sum, c) => sum + c.count, 0);
  const nPositive = classes.find((c) => c.value === positive)?.count ?? 0;
  const evidence = `Values among ${labelled} labelled rows: ${classes.slice(0, 5).map((c) => `"${c.value}" (${c.count})`).join(', ')}${classes.length > 5 ? ` and ${classes.length - 5} more` : ''}.`;
  if (labelled === 0) {
    return { ...base, status: 'fail', count: 0, message: `"${name}" has no labelled rows: a model needs labelled rows of both classes to learn anything.`, suggestion: 'Choose the column that holds the outcome as the label.' };
  }
  if (nPositive === 0) {
    return {
      ...base,
      status: 'fail',
      count: 0,
      message: `No labelled row of "${name}" is the positive class "${positive}": a model needs both classes to learn anything.`,
      evidence,
      suggestion: 'Pick the positive class among the values found, or load a snapshot that contains positive rows.',
    };
  }
  if (nPositive === labelled) {
    return {
      ...base,
      status: 'fail',
      count: labelled,
      message: `Every labelled row of "${name}" is "${positive}": a model needs both classes to learn anything.`,
      evidence,
      suggestion: 'Load a snapshot that also contains negative rows, or check the label column and the positive class.',
    };
  }
  return {
    ...base,
    status: 'pass',
    count: nPositive,
    message: `"${name}" has both classes: ${nPositive} of ${labelled} labelled rows (${percent(nPositive / labelled)}) are "${positive}".`,
    evidence,
  };
}
