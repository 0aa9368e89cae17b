import { formatThreshold } from '../format-number.ts';

/** Escapes text for HTML element content and double-quoted attribute values: every data-derived string goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A number as the report prints it: `digits` decimals, "undefined" for null (never 0), integers as they are. */
export function fmtNum(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'undefined';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** An HTML table from a header row and body rows of already-escaped cell HTML. */
export function table(head: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const th = head.map((h) => `<th scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table>${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A threshold for reading (4 significant digits) with its full value in the title; metrics.json keeps the full value. */
export function thresholdText(threshold: number): string {
  return `<span class="threshold" title="${escapeHtml(String(threshold))}">${escapeHtml(formatThreshold(threshold))}</span>`;
}
