import { labelClasses } from '../contract/label-classes.ts';
import { outcomeNames, renamedOutcomes, type OutcomeNames } from '../metrics/outcome-names.ts';
import type { ReportData } from './report-data.ts';

/**
 * The words report.html uses for the two outcomes: the data contract's own names when the user gave them, else
 * derived from the label's name and values as the app derives them ("survived" / "not survived").
 */
export function reportOutcomeNames(d: Pick<ReportData, 'outcome' | 'snapshot' | 'dataContract'>): OutcomeNames {
  const { label, positiveClass } = d.outcome.contract;
  const column = d.snapshot.columns.find((c) => c.name === label);
  const classes = d.outcome.classes ?? (column ? labelClasses(column).map((c) => c.value) : []);
  const given = d.dataContract && d.dataContract.label === label && d.dataContract.positiveClass === positiveClass ? d.dataContract.outcomeNames : undefined;
  return renamedOutcomes(outcomeNames(label, positiveClass, classes), given);
}
