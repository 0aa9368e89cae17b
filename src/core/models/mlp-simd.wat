;; The host MLP kernel's matrix products in WebAssembly SIMD (f64x2). Compiled by scripts/build-wasm-kernel.js into
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
)
