// The two matrix products the host MLP kernel needs, on row-major float64 arrays.

/**
 * C[cOff + m·N + n] = Σ_k A[m·K + k] · B[n·K + k] (A [M, K], B [N, K], both row-major): every product the MLP needs is
 * a dot of two contiguous rows. Blocked 2 × 4 so eight independent sums hide the floating-point add latency that a
 * single running sum is bound by, and each loaded value serves two or four products.
 */
export function gemmNT(A: Float64Array, B: Float64Array, C: Float64Array, cOff: number, M: number, N: number, K: number): void {
  let m = 0;
  for (; m + 1 < M; m += 2) {
    const a0 = m * K;
    const a1 = a0 + K;
    const c0 = cOff + m * N;
    const c1 = c0 + N;
    let n = 0;
    for (; n + 3 < N; n += 4) {
      const b0 = n * K;
      const b1 = b0 + K;
      const b2 = b1 + K;
      const b3 = b2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k];
        const x1 = A[a1 + k];
        const y0 = B[b0 + k];
        const y1 = B[b1 + k];
        const y2 = B[b2 + k];
        const y3 = B[b3 + k];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      C[c0 + n] = s00; C[c0 + n + 1] = s01; C[c0 + n + 2] = s02; C[c0 + n + 3] = s03;
      C[c1 + n] = s10; C[c1 + n + 1] = s11; C[c1 + n + 2] = s12; C[c1 + n + 3] = s13;
    }
    for (; n < N; n++) {
      const b = n * K;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < K; k++) {
        const y = B[b + k];
        s0 += A[a0 + k] * y;
        s1 += A[a1 + k] * y;
      }
      C[c0 + n] = s0;
      C[c1 + n] = s1;
    }
  }
  for (; m < M; m++) {
    const a = m * K;
    for (let n = 0; n < N; n++) {
      const b = n * K;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += A[a + k] * B[b + k];
      C[cOff + m * N + n] = sum;
    }
  }
}

/**
 * C[cOff + m·N + n] = Σ_r A[r·M + m] · B[r·N + n] (A [R, M], B [R, N], row-major): Aᵀ·B, the kernel gradient
 * inputᵀ·delta, without transposing either operand (a transpose of a [1024, 32] batch writes at a 8 KiB stride, which
 * the cache handles badly). Blocked 2 × 4 like gemmNT; each row r reads neighbouring values.
 */
export function gemmTN(A: Float64Array, B: Float64Array, C: Float64Array, cOff: number, M: number, N: number, R: number): void {
  for (let m = 0; m < M; m += 2) {
    const pair = m + 1 < M;
    const m1 = pair ? m + 1 : m;
    let n = 0;
    for (; n + 3 < N; n += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let r = 0, a = 0, b = 0; r < R; r++, a += M, b += N) {
        const x0 = A[a + m];
        const x1 = A[a + m1];
        const y0 = B[b + n];
        const y1 = B[b + n + 1];
        const y2 = B[b + n + 2];
        const y3 = B[b + n + 3];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      const c0 = cOff + m * N + n;
      C[c0] = s00; C[c0 + 1] = s01; C[c0 + 2] = s02; C[c0 + 3] = s03;
      if (pair) {
        const c1 = c0 + N;
        C[c1] = s10; C[c1 + 1] = s11; C[c1 + 2] = s12; C[c1 + 3] = s13;
      }
    }
    for (; n < N; n++) {
      let s0 = 0, s1 = 0;
      for (let r = 0, a = 0, b = n; r < R; r++, a += M, b += N) {
        const y = B[b];
        s0 += A[a + m] * y;
        s1 += A[a + m1] * y;
      }
      C[cOff + m * N + n] = s0;
      if (pair) C[cOff + m1 * N + n] = s1;
    }
  }
}
