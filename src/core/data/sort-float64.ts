// Below this the native sort wins. From here to WIDE_MIN, six passes of 11-bit digits (2,048 counts each, which stay
// in L1) beat four of 16 bits, whose 65,536 counts per pass cost more than the scatter at these lengths; above, the
// fewer passes win. Measured in Node 20 on random doubles: 6k 0.22 vs 1.51 ms, 20k 0.59 vs 1.13, 200k 6.4 vs 5.6.
const RADIX_MIN = 2000;
const WIDE_MIN = 100_000;

/**
 * Sorts float64 values ascending in place (no NaN allowed) and returns the same array. Arrays of 2,000 values or
 * more use an LSD radix sort over the IEEE-754 bits, several times faster than `Float64Array.prototype.sort` in V8;
 * it assumes a little-endian platform, as every browser and Node target is.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN || values.byteOffset % 8 !== 0) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const sorted = n < WIDE_MIN ? narrowPasses(words, n) : widePasses(words, n);
  if (sorted !== words) words.set(sorted);
  // Keys back to float bits.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi & 0x80000000) {
      words[2 * i + 1] = hi & 0x7fffffff;
    } else {
      words[2 * i + 1] = ~hi;
      words[2 * i] = ~words[2 * i];
    }
  }
  return values;
}

// Both widths below first map float bits, in place, to unsigned keys that order like the floats (flip every bit of a
// negative, only the sign of the rest) and take every digit's counts in that same pass, so each later pass only
// scatters; a digit every key shares orders nothing and its pass is skipped (common for exponent bits). They return
// the array holding the sorted keys. Each width has its own loops: V8 only keeps them fast with the digit inlined.

// Four 16-bit digits.
function widePasses(words: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    let hi = words[2 * i + 1];
    let lo = words[2 * i];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      words[2 * i] = lo;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    words[2 * i + 1] = hi;
    counts[lo & 0xffff]++;
    counts[65536 + (lo >>> 16)]++;
    counts[131072 + (hi & 0xffff)]++;
    counts[196608 + (hi >>> 16)]++;
  }
  let src: Uint32Array = words;
  let dst: Uint32Array | null = null;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    const count = counts.subarray(pass * 65536, (pass + 1) * 65536);
    if (count[(src[word] >>> shift) & 0xffff] === n) continue;
    dst ??= new Uint32Array(n * 2);
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(src[2 * i + word] >>> shift) & 0xffff]++;
      dst[2 * at] = src[2 * i];
      dst[2 * at + 1] = src[2 * i + 1];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

// Digit `pass` (0–5) of the key at i: 11 bits each, the third straddling the two words, the last 9 bits.
function narrowDigit(keys: Uint32Array, i: number, pass: number): number {
  const lo = keys[2 * i];
  const hi = keys[2 * i + 1];
  switch (pass) {
    case 0: return lo & 0x7ff;
    case 1: return (lo >>> 11) & 0x7ff;
    case 2: return ((lo >>> 22) | (hi << 10)) & 0x7ff;
    case 3: return (hi >>> 1) & 0x7ff;
    case 4: return (hi >>> 12) & 0x7ff;
    default: return hi >>> 23;
  }
}

// Six 11-bit digits.
function narrowPasses(words: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(6 * 2048);
  for (let i = 0; i < n; i++) {
    let hi = words[2 * i + 1];
    let lo = words[2 * i];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      words[2 * i] = lo;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    words[2 * i + 1] = hi;
    counts[lo & 0x7ff]++;
    counts[2048 + ((lo >>> 11) & 0x7ff)]++;
    counts[4096 + (((lo >>> 22) | (hi << 10)) & 0x7ff)]++;
    counts[6144 + ((hi >>> 1) & 0x7ff)]++;
    counts[8192 + ((hi >>> 12) & 0x7ff)]++;
    counts[10240 + (hi >>> 23)]++;
  }
  let src: Uint32Array = words;
  let dst: Uint32Array | null = null;
  for (let pass = 0; pass < 6; pass++) {
    const count = counts.subarray(pass * 2048, (pass + 1) * 2048);
    if (count[narrowDigit(src, 0, pass)] === n) continue;
    dst ??= new Uint32Array(n * 2);
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[narrowDigit(src, i, pass)]++;
      dst[2 * at] = src[2 * i];
      dst[2 * at + 1] = src[2 * i + 1];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/** How many distinct non-NaN values `values` holds (one sort of a copy; NaN marks a missing cell). */
export function countDistinctFloat64(values: Float64Array): number {
  const present = values.filter((v) => !Number.isNaN(v));
  sortFloat64(present);
  let distinct = 0;
  for (let i = 0; i < present.length; i++) if (i === 0 || present[i] !== present[i - 1]) distinct++;
  return distinct;
}
