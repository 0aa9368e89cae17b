/** Pixel mapping of one rendered Observable Plot chart, so a marker can move without re-rendering the chart. */
export interface PlotFrame {
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
  readonly svg: SVGSVGElement;
  /** The vertical data range in svg pixels (top < bottom). */
  readonly yTop: number;
  readonly yBottom: number;
}

interface ScaleLike { apply?: (value: unknown) => unknown; range?: readonly unknown[] }
interface ScaledChart { scale?: (name: string) => ScaleLike | undefined }

/** Reads a rendered chart's x and y scales and its main svg (a chart with a legend holds small swatch svgs too). */
export function plotFrame(chart: Element): PlotFrame | null {
  const scaled = chart as unknown as ScaledChart;
  const sx = scaled.scale?.('x');
  const sy = scaled.scale?.('y');
  if (!sx?.apply || !sy?.apply || !sy.range) return null;
  const svgs = [...(chart instanceof SVGSVGElement ? [chart] : []), ...chart.querySelectorAll('svg')];
  const svg = svgs.reduce<SVGSVGElement | null>((best, s) => (!best || s.width.baseVal.value > best.width.baseVal.value ? s : best), null);
  if (!svg) return null;
  const [a, b] = sy.range.map(Number);
  const applyX = sx.apply;
  const applyY = sy.apply;
  return { x: (v) => Number(applyX(v)), y: (v) => Number(applyY(v)), svg, yTop: Math.min(a, b), yBottom: Math.max(a, b) };
}

/** Calls `onResize` whenever one of the elements changes size (a window resize, a closed <details> opening); returns the stop. */
export function observeResize(elements: readonly Element[], onResize: () => void): () => void {
  const observer = new ResizeObserver(onResize);
  for (const element of elements) observer.observe(element);
  return () => observer.disconnect();
}

/**
 * Moves a marker (absolutely positioned inside `container`, which must be `position: relative`) to data point
 * (x, y), or to a full-height rule at x when y is null: a style change, well within a frame, instead of a re-render
 * of thousands of points on every slider move. Hides it when the point is undefined.
 */
export function placeMarker(marker: HTMLElement, container: HTMLElement, frame: PlotFrame | null, x: number | null, y: number | null, rule: boolean): void {
  if (!frame || x === null || !Number.isFinite(x) || (!rule && (y === null || !Number.isFinite(y)))) {
    marker.style.display = 'none';
    return;
  }
  const box = frame.svg.getBoundingClientRect();
  const outer = container.getBoundingClientRect();
  // CSS may shrink the svg below its drawn size (max-width: 100%): scale the chart's pixels to the rendered ones.
  const sx = box.width / (frame.svg.width.baseVal.value || box.width || 1);
  const sy = box.height / (frame.svg.height.baseVal.value || box.height || 1);
  marker.style.display = 'block';
  marker.style.left = `${box.left - outer.left + frame.x(x) * sx}px`;
  if (rule) {
    marker.style.top = `${box.top - outer.top + frame.yTop * sy}px`;
    marker.style.height = `${(frame.yBottom - frame.yTop) * sy}px`;
  } else {
    marker.style.top = `${box.top - outer.top + frame.y(y ?? 0) * sy}px`;
  }
}
