;; The row bootstrap's inner loops (bootstrap.ts) in WebAssembly, over buffers that bootstrap-draws.ts lays out
;; in the imported memory. Compiled by scripts/build-wasm-kernel.js into bootstrap-draws-bytes.ts; edit this file,
;; then run `node scripts/build-wasm-kernel.js`.
;;
;; Bit-identical to the JS loops: the generator is core/random.ts's sfc32 step by step (its four words live in
;; memory at $st and are written back, so the JS generator continues the same stream), a draw is
;; floor(u / 2^32 · n) in float64 as `Random.nextInt` computes it, and the metric sums run in the JS order with the
;; same float64 operations. What JS pays here is the generator's closure: about three times these loops' time.
(module
  (import "env" "memory" (memory 1))

  ;; n draws of a row r in [0, n); each adds 1 to counts[bucket[r]] (bucket: u32 [n] at $bucket; counts: f64 at
  ;; $counts), and with $paired also to counts2[bucket2[r]], the second model's groups of the same draw.
  (func (export "draw")
    (param $n i32) (param $st i32) (param $bucket i32) (param $counts i32)
    (param $paired i32) (param $bucket2 i32) (param $counts2 i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $i i32) (local $r i32)
    (local $nf f64) (local $at i32)
    (local.set $a (i32.load (local.get $st)))
    (local.set $b (i32.load offset=4 (local.get $st)))
    (local.set $c (i32.load offset=8 (local.get $st)))
    (local.set $d (i32.load offset=12 (local.get $st)))
    (local.set $nf (f64.convert_i32_u (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; sfc32: t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t.
        (local.set $t (i32.add (i32.add (local.get $a) (local.get $b)) (local.get $d)))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (local.set $a (i32.xor (local.get $b) (i32.shr_u (local.get $b) (i32.const 9))))
        (local.set $b (i32.add (local.get $c) (i32.shl (local.get $c) (i32.const 3))))
        (local.set $c (i32.add (i32.rotl (local.get $c) (i32.const 21)) (local.get $t)))
        ;; nextInt(n): floor((t >>> 0) / 2^32 · n).
        (local.set $r (i32.trunc_f64_u (f64.floor (f64.mul
          (f64.div (f64.convert_i32_u (local.get $t)) (f64.const 4294967296))
          (local.get $nf)))))
        (local.set $at (i32.add (local.get $counts)
          (i32.shl (i32.load (i32.add (local.get $bucket) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.const 1)))
        (if (local.get $paired)
          (then
            (local.set $at (i32.add (local.get $counts2)
              (i32.shl (i32.load (i32.add (local.get $bucket2) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $st) (local.get $a))
    (i32.store offset=4 (local.get $st) (local.get $b))
    (i32.store offset=8 (local.get $st) (local.get $c))
    (i32.store offset=12 (local.get $st) (local.get $d)))

  ;; One pass over k tie groups in descending score (counts f64 [2k]: negatives at 2g, positives at 2g + 1), as
  ;; bootstrap.ts's metricsFromCounts: writes f64 [tp, fp, area2, apSum, tpAt, fpAt] at $out, where tpAt and fpAt are
  ;; the totals after the first m groups (those at or above the threshold).
  (func (export "sweep") (param $counts i32) (param $k i32) (param $m i32) (param $out i32)
    (local $g i32) (local $p i32) (local $f f64) (local $t f64)
    (local $tp f64) (local $fp f64) (local $area2 f64) (local $ap f64) (local $tpAt f64) (local $fpAt f64)
    (local.set $p (local.get $counts))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $g) (local.get $k)))
        (local.set $f (f64.load (local.get $p)))
        (local.set $t (f64.load offset=8 (local.get $p)))
        ;; area2 += f · (2·tp + t); tp += t; fp += f; when t > 0, apSum += t·tp / (tp + fp).
        (local.set $area2 (f64.add (local.get $area2)
          (f64.mul (local.get $f) (f64.add (f64.mul (f64.const 2) (local.get $tp)) (local.get $t)))))
        (local.set $tp (f64.add (local.get $tp) (local.get $t)))
        (local.set $fp (f64.add (local.get $fp) (local.get $f)))
        (if (f64.gt (local.get $t) (f64.const 0))
          (then (local.set $ap (f64.add (local.get $ap)
            (f64.div (f64.mul (local.get $t) (local.get $tp)) (f64.add (local.get $tp) (local.get $fp)))))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (if (i32.eq (local.get $g) (local.get $m))
          (then (local.set $tpAt (local.get $tp)) (local.set $fpAt (local.get $fp))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (f64.store (local.get $out) (local.get $tp))
    (f64.store offset=8 (local.get $out) (local.get $fp))
    (f64.store offset=16 (local.get $out) (local.get $area2))
    (f64.store offset=24 (local.get $out) (local.get $ap))
    (f64.store offset=32 (local.get $out) (local.get $tpAt))
    (f64.store offset=40 (local.get $out) (local.get $fpAt)))
)
