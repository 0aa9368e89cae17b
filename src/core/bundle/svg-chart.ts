import { escapeHtml } from './html.ts';

/** One line of a chart: points in data units (null breaks the line), drawn in a CSS colour class. */
export interface SvgSeries {
  readonly name: string;
  readonly x: readonly (number | null)[];
  readonly y: readonly (number | null)[];
  /** CSS class giving the stroke colour (`s0`…`s3` in the report's style sheet). */
  readonly tone: string;
  /** Draw dots at each point instead of a line (calibration bins). */
  readonly dots?: boolean;
}

/** A line chart on fixed [0, 1] axes unless told otherwise; width/height in SVG user units (it scales with CSS). */
export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly SvgSeries[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** The y = x reference line (ROC chance, perfect calibration). */
  readonly diagonal?: boolean;
  /** A vertical marker at this x (the exported threshold). */
  readonly markX?: number | null;
}

const W = 360;
const H = 260;
const M = { top: 12, right: 12, bottom: 40, left: 48 };
const r3 = (v: number): string => (Math.round(v * 100) / 100).toString();

/**
 * A self-contained `<svg>` string (no script, no external reference) with axes, ticks, series and a text legend.
 * Pure string building so it runs in Node, a worker or the page alike (Observable Plot needs a DOM to render).
 */
export function lineChart(spec: LineChartSpec): string {
  const [x0, x1] = spec.xDomain ?? [0, 1];
  const [y0, y1] = spec.yDomain ?? [0, 1];
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const sx = (v: number): number => M.left + ((v - x0) / (x1 - x0 || 1)) * iw;
  const sy = (v: number): number => M.top + ih - ((v - y0) / (y1 - y0 || 1)) * ih;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const parts: string[] = [];
  for (const t of ticks) {
    const xv = x0 + t * (x1 - x0);
    const yv = y0 + t * (y1 - y0);
    parts.push(`<line class="grid" x1="${r3(sx(xv))}" x2="${r3(sx(xv))}" y1="${M.top}" y2="${M.top + ih}"/>`);
    parts.push(`<line class="grid" x1="${M.left}" x2="${M.left + iw}" y1="${r3(sy(yv))}" y2="${r3(sy(yv))}"/>`);
    parts.push(`<text class="tick" x="${r3(sx(xv))}" y="${M.top + ih + 14}" text-anchor="middle">${escapeHtml(+xv.toFixed(2))}</text>`);
    parts.push(`<text class="tick" x="${M.left - 6}" y="${r3(sy(yv) + 4)}" text-anchor="end">${escapeHtml(+yv.toFixed(2))}</text>`);
  }
  parts.push(`<rect class="frame" x="${M.left}" y="${M.top}" width="${iw}" height="${ih}"/>`);
  if (spec.diagonal) parts.push(`<line class="ref" x1="${sx(x0)}" y1="${sy(y0)}" x2="${sx(x1)}" y2="${sy(y1)}"/>`);
  if (spec.markX !== undefined && spec.markX !== null && spec.markX >= x0 && spec.markX <= x1) {
    parts.push(`<line class="mark" x1="${r3(sx(spec.markX))}" x2="${r3(sx(spec.markX))}" y1="${M.top}" y2="${M.top + ih}"/>`);
  }
  for (const s of spec.series) {
    if (s.dots) {
      for (let i = 0; i < s.x.length; i++) {
        const x = s.x[i];
        const y = s.y[i];
        if (x !== null && y !== null) parts.push(`<circle class="${s.tone}" cx="${r3(sx(x))}" cy="${r3(sy(y))}" r="3.5"/>`);
      }
      continue;
    }
    let d = '';
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) { pen = false; continue; }
      d += `${pen ? 'L' : 'M'}${r3(sx(Math.min(x1, Math.max(x0, x))))},${r3(sy(Math.min(y1, Math.max(y0, y))))}`;
      pen = true;
    }
    if (d) parts.push(`<path class="line ${s.tone}" d="${d}"/>`);
  }
  parts.push(`<text class="axis" x="${M.left + iw / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`);
  parts.push(`<text class="axis" transform="translate(12 ${M.top + ih / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(spec.yLabel)}</text>`);
  const legend = spec.series.length > 1
    ? `<p class="legend">${spec.series.map((s) => `<span class="key ${s.tone}">${escapeHtml(s.name)}</span>`).join(' ')}</p>`
    : '';
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(spec.title)}"><title>${escapeHtml(spec.title)}</title>${parts.join('')}</svg>` +
    `<figcaption>${escapeHtml(spec.title)}</figcaption>${legend}</figure>`;
}

/** Horizontal bars (one per label) scaled to the largest value; values are printed beside each bar. */
export function barChart(title: string, bars: readonly { readonly label: string; readonly value: number; readonly tone: string; readonly text: string }[]): string {
  const rowH = 22;
  const labelW = 150;
  const h = bars.length * rowH + 8;
  const max = Math.max(1e-12, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowH;
    const w = Math.max(0, (b.value / max) * (W - labelW - 100));
    return `<text class="tick" x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text>` +
      `<rect class="bar ${b.tone}" x="${labelW}" y="${y + 3}" width="${r3(w)}" height="${rowH - 8}"/>` +
      `<text class="tick" x="${r3(labelW + w + 4)}" y="${y + 15}">${escapeHtml(b.text)}</text>`;
  });
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${h}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${rows.join('')}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}
