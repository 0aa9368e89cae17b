import { columnsWithRole, type DataContract } from './data-contract.ts';

/** The data contract for a binary task: which column is the label, which class is positive, which columns feed the model. */
export interface Contract {
  readonly version: 1;
  readonly label: string;
  readonly positiveClass: string;
  readonly features: readonly string[];
}

/** Builds a contract, refusing a label that is also a feature or an empty feature list. */
export function createContract(label: string, positiveClass: string, features: readonly string[]): Contract {
  if (features.includes(label)) throw new Error(`The label "${label}" cannot also be a feature.`);
  if (features.length === 0) throw new Error('Choose at least one feature column.');
  return { version: 1, label, positiveClass, features: [...features] };
}

/** The slice of a data contract a training run needs: label, positive class and the feature columns. PII never passes. */
export function toRunContract(contract: DataContract): Contract {
  return { version: 1, label: contract.label, positiveClass: contract.positiveClass, features: columnsWithRole(contract, 'feature') };
}
