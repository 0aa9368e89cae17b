/** The seed a run, a split and a bootstrap use unless the user sets another. */
export const DEFAULT_SEED = 42;

/** A seeded pseudo-random source: `next()` returns a float in [0, 1), `nextInt(n)` an integer in [0, n), `nextUint32()` 32 raw bits. */
export interface Random {
  next(): number;
  nextInt(n: number): number;
  nextUint32(): number;
  /**
   * Writes the generator's four 32-bit words into `into` [4], so another loop (a WebAssembly kernel running sfc32
   * itself) can continue this very stream; `restore` takes the words back, and this source goes on from there.
   */
  save(into: Int32Array): void;
  restore(from: Int32Array): void;
}

// SplitMix32 turns any seed (including small neighbouring ones) into a well-mixed state.
function splitMix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The one PRNG every random step uses (sfc32, seeded through SplitMix32). Same seed, same stream, on every platform. */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`Seed must be an integer, got ${seed}`);
  let a = splitMix32(seed);
  let b = splitMix32(a);
  let c = splitMix32(b);
  let d = 1;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    next: () => nextUint32() / 4294967296,
    nextInt: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
    nextUint32,
    save: (into: Int32Array) => {
      into[0] = a;
      into[1] = b;
      into[2] = c;
      into[3] = d;
    },
    restore: (from: Int32Array) => {
      a = from[0];
      b = from[1];
      c = from[2];
      d = from[3];
    },
  };
}

/** Derives a non-zero child seed (a uint31) for a named sub-step, so layers and epochs never share a stream. */
export function deriveSeed(seed: number, salt: number): number {
  const s = splitMix32((Math.imul(seed | 0, 0x27d4eb2d) ^ splitMix32(salt)) | 0) & 0x7fffffff;
  return s === 0 ? 1 : s;
}

/** Fisher–Yates shuffle of `values` in place with a seeded source; returns the same array. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, random: Random): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
