const RADIX_MIN = 1024;

/**
 * Sorts float64 values ascending in place (no NaN allowed) and returns the same array. Large arrays use an LSD radix
 * sort over the IEEE-754 bits, which is several times faster than `Float64Array.prototype.sort` in V8; it assumes a
 * little-endian platform, as every browser and Node target is.
 */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN || values.byteOffset % 8 !== 0) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // Map float bits to unsigned keys that order like the floats: flip every bit of negatives, only the sign of the rest.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1];
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi;
      words[2 * i] = ~words[2 * i];
    } else {
      words[2 * i + 1] = hi | 0x80000000;
    }
  }
  let src: Uint32Array = words;
  let dst: Uint32Array = new Uint32Array(n * 2);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[2 * i + word] >>> shift) & 0xffff]++;
    // A digit every key shares orders nothing; skipping it saves a full scatter (common for exponent bits).
    if (count[(src[word] >>> shift) & 0xffff] === n) continue;
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
  if (src !== words) words.set(src);
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

/** How many distinct non-NaN values `values` holds (one sort of a copy; NaN marks a missing cell). */
export function countDistinctFloat64(values: Float64Array): number {
  const present = values.filter((v) => !Number.isNaN(v));
  sortFloat64(present);
  let distinct = 0;
  for (let i = 0; i < present.length; i++) if (i === 0 || present[i] !== present[i - 1]) distinct++;
  return distinct;
}
