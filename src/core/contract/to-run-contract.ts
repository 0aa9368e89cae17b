import type { Contract } from './contract.ts';
import { columnsWithRole, type DataContract } from './data-contract.ts';

/** The slice of a data contract a training run needs: label, positive class and the feature columns. PII never passes. */
export function toRunContract(contract: DataContract): Contract {
  return { version: 1, label: contract.label, positiveClass: contract.positiveClass, features: columnsWithRole(contract, 'feature') };
}
