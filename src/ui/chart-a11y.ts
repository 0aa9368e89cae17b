/**
 * Makes one rendered Observable Plot chart (an svg, or a figure holding a legend and an svg) a single image for
 * assistive technology: the widest svg gets role "img" and `label` as its name, and the marks' own aria-labels
 * ("line", "rect"), which ARIA forbids on a plain <g>, are removed. Returns the chart.
 */
export function describeChart<T extends Element>(chart: T, label: string): T {
  const svgs = [...(chart instanceof SVGSVGElement ? [chart] : []), ...chart.querySelectorAll('svg')];
  const main = svgs.reduce<SVGSVGElement | null>((best, s) => (!best || s.width.baseVal.value > best.width.baseVal.value ? s : best), null);
  for (const g of chart.querySelectorAll('g[aria-label], g[aria-description]')) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
  }
  if (main) {
    main.setAttribute('role', 'img');
    main.setAttribute('aria-label', label);
  }
  return chart;
}
