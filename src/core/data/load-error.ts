/** Where in the file a problem sits; every field is optional because not every problem has every coordinate. */
export interface LoadLocation {
  /** 1-based physical line in the file. */
  line?: number;
  /** 1-based data row (the header is row 0). */
  row?: number;
  /** Column name from the header, when known. */
  column?: string;
  /** 1-based field position within the row. */
  field?: number;
  /** 0-based byte offset. */
  byte?: number;
}

/** A failed load: a message a person can act on, and where the problem is. */
export interface LoadError {
  readonly kind: 'empty' | 'no-rows' | 'ragged' | 'binary' | 'encoding' | 'quotes' | 'too-long' | 'overflow' | 'unsupported' | 'cancelled';
  readonly message: string;
  readonly location: LoadLocation;
}

/** Thrown inside the loader and turned into a `LoadError` value at the boundary (comlink drops custom error fields). */
export class LoadFailure extends Error {
  constructor(readonly error: LoadError) {
    super(error.message);
  }
}

export function fail(kind: LoadError['kind'], message: string, location: LoadLocation = {}): never {
  throw new LoadFailure({ kind, message, location });
}
