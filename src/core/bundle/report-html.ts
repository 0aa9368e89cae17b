import { escapeHtml } from './html.ts';
import type { ReportData } from './report-data.ts';
import { calibrationSection, clustersSection, comparisonSection, curvesSection, intervalsSection, slicesSection, sweepSection, thresholdSection } from './report-metrics.ts';
import { compactSection, dataSection, findingsSection, headerSection, importanceSection, notAvailable, section } from './report-sections.ts';

// Light by default, dark by preference, black on white in print; charts take their colours from these variables so
// one SVG serves every scheme. No web fonts, no external anything: the page must open from file:// offline.
const CSS = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--line:#d0d7de;--panel:#f6f8fa;--s0:#1f6feb;--s1:#c4432b;--s2:#2e8b57;--s3:#8250df;
--tp:#2e8b57;--fp:#d97706;--tn:#57606a;--fn:#c4432b;--flag:#9a3412;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--panel:#161b22;--s0:#58a6ff;--s1:#ff7b72;--s2:#56d364;--s3:#d2a8ff;
--tp:#56d364;--fp:#f0a23b;--tn:#8b949e;--fn:#ff7b72;--flag:#ffa657}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:2em}
h3{font-size:1rem;margin:1em 0 .2em}code{font-size:.9em}.wrap{overflow-wrap:anywhere}.muted{color:var(--muted)}.small{font-size:.85em}
.na{color:var(--muted);font-style:italic;border-left:3px solid var(--line);padding-left:8px}.pre{white-space:pre-wrap;margin:.2em 0}p,dd{overflow-wrap:anywhere}
.flag{color:var(--flag);font-weight:600}.reading{font-weight:600}
nav ul{display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;list-style:none;font-size:.9em}nav a{color:var(--s0)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px}.facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}thead th{background:var(--panel)}caption{text-align:left;color:var(--muted);padding:4px 0}
.confusion td{text-align:center;min-width:9em}.cm.tp{border-left:5px solid var(--tp)}.cm.fp{border-left:5px solid var(--fp)}.cm.tn{border-left:5px solid var(--tn)}.cm.fn{border-left:5px solid var(--fn)}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{margin:8px 0;flex:1 1 340px;max-width:520px}.chart svg{width:100%;height:auto;display:block}
figcaption{font-size:.85em;color:var(--muted)}svg text{fill:var(--fg);font-size:10px}svg .axis{font-size:11px}
svg .grid{stroke:var(--line);stroke-width:.5}svg .frame{fill:none;stroke:var(--muted);stroke-width:.8}svg .ref{stroke:var(--muted);stroke-dasharray:4 3}
svg .mark{stroke:var(--fg);stroke-dasharray:2 3}svg .line{fill:none;stroke-width:2}
.s0{stroke:var(--s0);fill:var(--s0)}.s1{stroke:var(--s1);fill:var(--s1)}.s2{stroke:var(--s2);fill:var(--s2)}.s3{stroke:var(--s3);fill:var(--s3)}
svg .line.s0,svg .line.s1,svg .line.s2,svg .line.s3{fill:none}svg .bar.fp{fill:var(--fp)}svg .bar.fn{fill:var(--fn)}
.legend .key::before{content:"";display:inline-block;width:14px;height:3px;margin-right:4px;vertical-align:middle;background:currentColor}
.legend .key.s0{color:var(--s0)}.legend .key.s1{color:var(--s1)}.legend .key.s2{color:var(--s2)}.legend .key.s3{color:var(--s3)}
@media (max-width:600px){main{padding:10px}body{font-size:14px}.facts{grid-template-columns:1fr}.facts dt{font-weight:600}.chart{flex-basis:100%}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999;--panel:#eee}nav{display:none}main{max-width:none;padding:0}
section{break-inside:auto}h2{break-after:avoid}figure,table{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

const SECTIONS: readonly (readonly [string, string, (d: ReportData) => string])[] = [
  ['compact', 'Iteration Compact', compactSection],
  ['data', 'Data snapshot and contract', dataSection],
  ['findings', 'Findings and dismissals', findingsSection],
  ['gates', 'Gates verdict', () => notAvailable('promotion gates are not part of this app version, so there is no verdict to report.')],
  ['threshold', 'At the exported threshold', thresholdSection],
  ['sweep', 'Threshold sweep', sweepSection],
  ['curves', 'ROC and precision–recall', curvesSection],
  ['calibration', 'Calibration', calibrationSection],
  ['intervals', 'Intervals', intervalsSection],
  ['slices', 'Slices', slicesSection],
  ['clusters', 'Error clusters', clustersSection],
  ['importance', 'Feature importance', importanceSection],
  ['comparison', 'Runs compared', comparisonSection],
  ['ledger', 'Ledger', () => notAvailable('the decision ledger is not part of this app version.')],
];

/**
 * `report.html`: one self-contained page (inline CSS and SVG; no script, no link, no URL) that opens from file://
 * offline. Every string that comes from the user's data is escaped; PII column values never appear.
 */
export function reportHtml(d: ReportData): string {
  const title = `Model report: ${d.bundleId}`;
  const nav = `<nav aria-label="Sections"><ul>${SECTIONS.map(([id, name]) => `<li><a href="#${id}">${escapeHtml(name)}</a></li>`).join('')}</ul></nav>`;
  const body = SECTIONS.map(([id, name, render]) => section(id, name, render(d))).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Test split of snapshot ${escapeHtml(d.snapshot.id.slice(0, 12))}, exported by MLE Playground. The headline numbers are those of metrics.json.</p>
${headerSection(d)}
${nav}
${body}
</main>
</body>
</html>
`;
}
