import { columnsWithRole, type DataContract } from './data-contract.ts';

/** The data contract for a binary task: which column is the label, which class is positive, which columns feed the model. */
export interface Contract {
  readonly version: 1;
  readonly label: string;
  readonly positiveClass: string;
  readonly features: readonly string[];
  /** Categorical features whose values are hashed (salted SHA-256) in the bundle, never written in clear; absent = none. */
  readonly hashedFeatures?: readonly string[];
}

/**
 * Builds a contract, refusing a label that is also a feature or an empty feature list. `hashed` names features whose
 * category values stay out of the bundle (only those that are features are kept).
 */
export function createContract(label: string, positiveClass: string, features: readonly string[], hashed: readonly string[] = []): Contract {
  if (features.includes(label)) throw new Error(`The label "${label}" cannot also be a feature.`);
  if (features.length === 0) throw new Error('Choose at least one feature column.');
  const hashedFeatures = features.filter((f) => hashed.includes(f));
  return { version: 1, label, positiveClass, features: [...features], ...(hashedFeatures.length > 0 ? { hashedFeatures } : {}) };
}

/** The slice of a data contract a training run needs: label, positive class and the feature columns. PII never passes. */
export function toRunContract(contract: DataContract): Contract {
  const features = columnsWithRole(contract, 'feature');
  const hashedFeatures = features.filter((f) => contract.hashedColumns?.includes(f));
  return { version: 1, label: contract.label, positiveClass: contract.positiveClass, features, ...(hashedFeatures.length > 0 ? { hashedFeatures } : {}) };
}
