/** L2-regularised logistic regression, solved by full-batch L-BFGS. */
export interface LogisticHyperparameters {
  /** Inverse regularisation strength, as in scikit-learn. */
  readonly C: number;
  readonly maxIterations: number;
  readonly gradientTolerance: number;
}

/** Defaults: C = 1 as in scikit-learn's LogisticRegression; L-BFGS stops after 500 iterations or below a 1e-5 gradient norm. */
export const DEFAULT_LOGISTIC: LogisticHyperparameters = { C: 1, maxIterations: 500, gradientTolerance: 1e-5 };
