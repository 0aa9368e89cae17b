;; The host MLP kernel's matrix products and elementwise passes in WebAssembly SIMD (f64x2), over float64 buffers
;; that mlp-kernel-arena.ts lays out in the imported memory. Compiled by scripts/build-wasm-kernel.js into
;; mlp-simd-bytes.ts; edit this file, then run `node scripts/build-wasm-kernel.js`.
;;
;; Bit-identical to the JS loops of mlp-products.ts: each f64x2 lane holds a different OUTPUT (neighbouring columns n,
;; n + 1), never two terms of one sum, so every output is still s = 0; s += a·b for k = 0, 1, ..., K − 1, with a
;; separate multiply and add (no FMA, no relaxed SIMD), exactly as the JS loops round it.
(module
  (import "env" "memory" (memory 1))

  ;; C[m·N + n] = Σ_k A(m, k) · B[k·N + n] for m < M, n < N, with B [K, N] row-major and A(m, k) at byte address
  ;; a + m·am + k·ak, so one routine serves both products: A·B (A [M, K]: am = 8K, ak = 8) and Aᵀ·B (A [K, M]:
  ;; am = 8, ak = 8M). All addresses are byte offsets into the memory. Rows go two at a time (an odd last row reads
  ;; its own row twice and stores once), columns eight at a time (4 vectors × 2 rows = 8 accumulators, within the 16
  ;; vector registers of x64 and arm64 with the loaded operands), then two at a time, then one.
  (func (export "gemm")
    (param $a i32) (param $b i32) (param $c i32)
    (param $M i32) (param $N i32) (param $K i32)
    (param $am i32) (param $ak i32)
    (local $m i32) (local $n i32) (local $k i32) (local $pair i32)
    (local $bk i32) (local $pa0 i32) (local $pa1 i32) (local $pb i32) (local $c0 i32) (local $c1 i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128) (local $y2 v128) (local $y3 v128)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local $f0 f64) (local $f1 f64) (local $g f64)
    (local.set $bk (i32.shl (local.get $N) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $m) (local.get $M)))
        (local.set $pair (i32.lt_u (i32.add (local.get $m) (i32.const 1)) (local.get $M)))
        (local.set $c0 (i32.add (local.get $c) (i32.mul (local.get $m) (local.get $bk))))
        (local.set $c1 (i32.add (local.get $c0) (local.get $bk)))
        (local.set $n (i32.const 0))

        ;; Eight columns: C(m, n..n+7) and C(m+1, n..n+7).
        (block $done8
          (loop $cols8
            (br_if $done8 (i32.gt_u (i32.add (local.get $n) (i32.const 8)) (local.get $N)))
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $am))))
            (local.set $pa1 (select (i32.add (local.get $pa0) (local.get $am)) (local.get $pa0) (local.get $pair)))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 3))))
            (local.set $s00 (v128.const f64x2 0 0)) (local.set $s01 (v128.const f64x2 0 0))
            (local.set $s02 (v128.const f64x2 0 0)) (local.set $s03 (v128.const f64x2 0 0))
            (local.set $s10 (v128.const f64x2 0 0)) (local.set $s11 (v128.const f64x2 0 0))
            (local.set $s12 (v128.const f64x2 0 0)) (local.set $s13 (v128.const f64x2 0 0))
            (local.set $k (local.get $K))
            (block $doneK8
              (loop $k8
                (br_if $doneK8 (i32.eqz (local.get $k)))
                (local.set $x0 (f64x2.splat (f64.load (local.get $pa0))))
                (local.set $x1 (f64x2.splat (f64.load (local.get $pa1))))
                (local.set $y0 (v128.load (local.get $pb)))
                (local.set $y1 (v128.load offset=16 (local.get $pb)))
                (local.set $y2 (v128.load offset=32 (local.get $pb)))
                (local.set $y3 (v128.load offset=48 (local.get $pb)))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $x0) (local.get $y0))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $x0) (local.get $y1))))
                (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $x0) (local.get $y2))))
                (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $x0) (local.get $y3))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $x1) (local.get $y0))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $x1) (local.get $y1))))
                (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $x1) (local.get $y2))))
                (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $x1) (local.get $y3))))
                (local.set $pa0 (i32.add (local.get $pa0) (local.get $ak)))
                (local.set $pa1 (i32.add (local.get $pa1) (local.get $ak)))
                (local.set $pb (i32.add (local.get $pb) (local.get $bk)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k8)))
            (local.set $pb (i32.add (local.get $c0) (i32.shl (local.get $n) (i32.const 3))))
            (v128.store (local.get $pb) (local.get $s00))
            (v128.store offset=16 (local.get $pb) (local.get $s01))
            (v128.store offset=32 (local.get $pb) (local.get $s02))
            (v128.store offset=48 (local.get $pb) (local.get $s03))
            (if (local.get $pair)
              (then
                (local.set $pb (i32.add (local.get $c1) (i32.shl (local.get $n) (i32.const 3))))
                (v128.store (local.get $pb) (local.get $s10))
                (v128.store offset=16 (local.get $pb) (local.get $s11))
                (v128.store offset=32 (local.get $pb) (local.get $s12))
                (v128.store offset=48 (local.get $pb) (local.get $s13))))
            (local.set $n (i32.add (local.get $n) (i32.const 8)))
            (br $cols8)))

        ;; Two columns: C(m, n..n+1) and C(m+1, n..n+1).
        (block $done2
          (loop $cols2
            (br_if $done2 (i32.gt_u (i32.add (local.get $n) (i32.const 2)) (local.get $N)))
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $am))))
            (local.set $pa1 (select (i32.add (local.get $pa0) (local.get $am)) (local.get $pa0) (local.get $pair)))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 3))))
            (local.set $s00 (v128.const f64x2 0 0))
            (local.set $s10 (v128.const f64x2 0 0))
            (local.set $k (local.get $K))
            (block $doneK2
              (loop $k2
                (br_if $doneK2 (i32.eqz (local.get $k)))
                (local.set $y0 (v128.load (local.get $pb)))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (f64x2.splat (f64.load (local.get $pa0))) (local.get $y0))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (f64x2.splat (f64.load (local.get $pa1))) (local.get $y0))))
                (local.set $pa0 (i32.add (local.get $pa0) (local.get $ak)))
                (local.set $pa1 (i32.add (local.get $pa1) (local.get $ak)))
                (local.set $pb (i32.add (local.get $pb) (local.get $bk)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k2)))
            (v128.store (i32.add (local.get $c0) (i32.shl (local.get $n) (i32.const 3))) (local.get $s00))
            (if (local.get $pair)
              (then (v128.store (i32.add (local.get $c1) (i32.shl (local.get $n) (i32.const 3))) (local.get $s10))))
            (local.set $n (i32.add (local.get $n) (i32.const 2)))
            (br $cols2)))

        ;; The last column when N is odd, in scalar f64.
        (if (i32.lt_u (local.get $n) (local.get $N))
          (then
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $m) (local.get $am))))
            (local.set $pa1 (select (i32.add (local.get $pa0) (local.get $am)) (local.get $pa0) (local.get $pair)))
            (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $n) (i32.const 3))))
            (local.set $f0 (f64.const 0))
            (local.set $f1 (f64.const 0))
            (local.set $k (local.get $K))
            (block $doneK1
              (loop $k1
                (br_if $doneK1 (i32.eqz (local.get $k)))
                (local.set $g (f64.load (local.get $pb)))
                (local.set $f0 (f64.add (local.get $f0) (f64.mul (f64.load (local.get $pa0)) (local.get $g))))
                (local.set $f1 (f64.add (local.get $f1) (f64.mul (f64.load (local.get $pa1)) (local.get $g))))
                (local.set $pa0 (i32.add (local.get $pa0) (local.get $ak)))
                (local.set $pa1 (i32.add (local.get $pa1) (local.get $ak)))
                (local.set $pb (i32.add (local.get $pb) (local.get $bk)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k1)))
            (f64.store (i32.add (local.get $c0) (i32.shl (local.get $n) (i32.const 3))) (local.get $f0))
            (if (local.get $pair)
              (then (f64.store (i32.add (local.get $c1) (i32.shl (local.get $n) (i32.const 3))) (local.get $f1))))))

        (local.set $m (i32.add (local.get $m) (i32.const 2)))
        (br $rows))))

  ;; c[r·N + n] = c[r·N + n] + bias[n] for r < rows, n < N, then with $relu ≠ 0 the JS relu `v > 0 ? v : 0`, which
  ;; v128.and with the mask (v > 0) reproduces bit for bit: NaN and −0 become +0, a positive v keeps its bits.
  (func (export "biasRelu") (param $c i32) (param $bias i32) (param $rows i32) (param $N i32) (param $relu i32)
    (local $n i32) (local $v v128) (local $f f64)
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $n (i32.const 0))
        (block $done2
          (loop $pairs
            (br_if $done2 (i32.gt_u (i32.add (local.get $n) (i32.const 2)) (local.get $N)))
            (local.set $v (f64x2.add (v128.load (local.get $c)) (v128.load (i32.add (local.get $bias) (i32.shl (local.get $n) (i32.const 3))))))
            (if (local.get $relu)
              (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const f64x2 0 0))))))
            (v128.store (local.get $c) (local.get $v))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (local.set $n (i32.add (local.get $n) (i32.const 2)))
            (br $pairs)))
        (if (i32.lt_u (local.get $n) (local.get $N))
          (then
            (local.set $f (f64.add (f64.load (local.get $c)) (f64.load (i32.add (local.get $bias) (i32.shl (local.get $n) (i32.const 3))))))
            (if (local.get $relu)
              (then (local.set $f (select (local.get $f) (f64.const 0) (f64.gt (local.get $f) (f64.const 0))))))
            (f64.store (local.get $c) (local.get $f))
            (local.set $c (i32.add (local.get $c) (i32.const 8)))))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; back[i] = h[i] > 0 ? back[i] : 0 for i < n: the relu's slope, from the activation h, as the JS loop does.
  (func (export "reluBack") (param $back i32) (param $h i32) (param $n i32)
    (block $done2
      (loop $pairs
        (br_if $done2 (i32.lt_u (local.get $n) (i32.const 2)))
        (v128.store (local.get $back)
          (v128.and (v128.load (local.get $back)) (f64x2.gt (v128.load (local.get $h)) (v128.const f64x2 0 0))))
        (local.set $back (i32.add (local.get $back) (i32.const 16)))
        (local.set $h (i32.add (local.get $h) (i32.const 16)))
        (local.set $n (i32.sub (local.get $n) (i32.const 2)))
        (br $pairs)))
    (if (local.get $n)
      (then
        (f64.store (local.get $back)
          (select (f64.load (local.get $back)) (f64.const 0) (f64.gt (f64.load (local.get $h)) (f64.const 0)))))))

  ;; out[n] = Σ_r a[r·N + n] for n < N, summed from 0 in row order (the bias gradient: delta's column sums), two
  ;; columns to a vector, eight to a block so four sums are in flight at once.
  (func (export "columnSums") (param $a i32) (param $out i32) (param $rows i32) (param $N i32)
    (local $n i32) (local $r i32) (local $p i32) (local $stride i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $f f64)
    (local.set $stride (i32.shl (local.get $N) (i32.const 3)))
    (block $done8
      (loop $cols8
        (br_if $done8 (i32.gt_u (i32.add (local.get $n) (i32.const 8)) (local.get $N)))
        (local.set $p (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $s0 (v128.const f64x2 0 0)) (local.set $s1 (v128.const f64x2 0 0))
        (local.set $s2 (v128.const f64x2 0 0)) (local.set $s3 (v128.const f64x2 0 0))
        (local.set $r (local.get $rows))
        (block $doneR8
          (loop $r8
            (br_if $doneR8 (i32.eqz (local.get $r)))
            (local.set $s0 (f64x2.add (local.get $s0) (v128.load (local.get $p))))
            (local.set $s1 (f64x2.add (local.get $s1) (v128.load offset=16 (local.get $p))))
            (local.set $s2 (f64x2.add (local.get $s2) (v128.load offset=32 (local.get $p))))
            (local.set $s3 (f64x2.add (local.get $s3) (v128.load offset=48 (local.get $p))))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $r8)))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
        (v128.store (local.get $p) (local.get $s0))
        (v128.store offset=16 (local.get $p) (local.get $s1))
        (v128.store offset=32 (local.get $p) (local.get $s2))
        (v128.store offset=48 (local.get $p) (local.get $s3))
        (local.set $n (i32.add (local.get $n) (i32.const 8)))
        (br $cols8)))
    (block $done1
      (loop $cols1
        (br_if $done1 (i32.ge_u (local.get $n) (local.get $N)))
        (local.set $p (i32.add (local.get $a) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $f (f64.const 0))
        (local.set $r (local.get $rows))
        (block $doneR1
          (loop $r1
            (br_if $doneR1 (i32.eqz (local.get $r)))
            (local.set $f (f64.add (local.get $f) (f64.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $r1)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))) (local.get $f))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $cols1))))
)
