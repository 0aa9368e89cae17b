import type { Contract } from './contract.ts';
import { columnsWithRole, type DataContract } from './data-contract.ts';

/** The slice of a data contract a training run needs: label, positive class and the feature columns. PII never passes. */
export function toRunContract(contract: DataContract): Contract {
  const features = columnsWithRole(contract, 'feature');
  const hashedFeatures = features.filter((f) => contract.hashedColumns?.includes(f));
  return { version: 1, label: contract.label, positiveClass: contract.positiveClass, features, ...(hashedFeatures.length > 0 ? { hashedFeatures } : {}) };
}
