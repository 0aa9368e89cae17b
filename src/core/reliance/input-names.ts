import type { FeatureStep, Preprocessing } from '../features/preprocessing.ts';

/** One model input: the source column it comes from and a name a person can read ("sex = female", "age is missing"). */
export interface InputName {
  readonly column: string;
  readonly name: string;
}

function stepNames(step: FeatureStep): InputName[] {
  const column = step.column;
  if (step.kind === 'numeric') return [{ column, name: column }, ...(step.missingIndicator ? [{ column, name: `${column} is missing` }] : [])];
  // A hashed column shows a short digest, never a value, as in the bundle.
  const level = (c: string) => (step.salt !== undefined ? `#${c.slice(0, 8)}` : c);
  return [...step.categories.map((c) => ({ column, name: `${column} = ${level(c)}` })), { column, name: `${column} = (other)` }];
}

/** Readable names of every model input in matrix order (one-hot levels and missing indicators included). */
export function inputNames(pre: Preprocessing): InputName[] {
  return pre.steps.flatMap(stepNames);
}

/** Model input indices of each source column, in step order: what a permutation of that column moves together. */
export function columnGroups(pre: Preprocessing): { readonly column: string; readonly inputs: readonly number[] }[] {
  const groups = new Map<string, number[]>();
  inputNames(pre).forEach((input, i) => {
    const g = groups.get(input.column) ?? [];
    g.push(i);
    groups.set(input.column, g);
  });
  return [...groups].map(([column, inputs]) => ({ column, inputs }));
}
