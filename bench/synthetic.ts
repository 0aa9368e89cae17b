import { createRandom } from '../src/core/index.ts';

/** A deterministic binary data set: `rows` × `d` standard-normal features, label from a noisy linear score. */
export function syntheticDesign(rows: number, d: number, seed = 7): { x: Float32Array; y: Uint8Array } {
  const random = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const w = Float64Array.from({ length: d }, () => normal());
  const x = new Float32Array(rows * d);
  const y = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = normal();
      x[r * d + j] = v;
      z += v * w[j];
    }
    y[r] = random.next() < 1 / (1 + Math.exp(-(z * 0.5 + normal()))) ? 1 : 0;
  }
  return { x, y };
}

/** The same data as CSV text (header f0..f{d-1},label), for driving the app in a browser. */
export function syntheticCsv(rows: number, d: number, seed = 7): string {
  const { x, y } = syntheticDesign(rows, d, seed);
  const lines = [[...Array.from({ length: d }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let r = 0; r < rows; r++) lines.push(`${Array.from(x.subarray(r * d, (r + 1) * d), (v) => v.toFixed(5)).join(',')},${y[r]}`);
  return `${lines.join('\n')}\n`;
}
