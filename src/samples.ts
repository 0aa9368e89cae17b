/** Sample data sets shipped in public/samples (see public/samples/README.md for their sources). */
export interface Sample {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly label: string;
  readonly description: string;
}

export const SAMPLES: readonly Sample[] = [
  { id: 'breast_cancer', title: 'Breast cancer Wisconsin', file: 'breast_cancer.csv', label: 'target', description: '569 tumours, 30 numeric measurements; target 1 = benign.' },
  { id: 'titanic', title: 'Titanic', file: 'titanic.csv', label: 'survived', description: '1309 passengers, mixed types with missing values; survived 1 = yes.' },
];
