import type { ScanResult } from '../../engine/result.ts';
import { SEVERITIES } from '../../engine/types.ts';
import type { ZoneGraph } from '../diagram/index.ts';
import { summarize } from '../summary.ts';
import type { ComplianceRow } from './compliance.ts';
import { escapeHtml } from './escape.ts';
import { findingLine } from './findings.ts';
import type { HtmlLabels } from './labels.ts';

/** Title, scan time, root, tool version and file count. */
export function headerSection(result: ScanResult, scannedAt: Date | undefined, labels: HtmlLabels): string {
  const rows: Array<[string, string]> = [
    [labels.root, result.root],
    [labels.tool, `zoneguard ${result.toolVersion}`],
    [labels.files, String(result.files.length)],
  ];
  if (scannedAt !== undefined) rows.unshift([labels.scannedAt, scannedAt.toISOString()]);
  const items = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<h1>${escapeHtml(labels.title)}</h1>\n<dl class="meta">\n${items.join('\n')}\n</dl>`;
}

/** Unsuppressed failures by severity, then unknown and suppressed results. */
export function countsSection(result: ScanResult, labels: HtmlLabels): string {
  const summary = summarize(result);
  const items = SEVERITIES.map(
    (severity) => `<li class="${severity}">${escapeHtml(labels.severity[severity])}: <strong>${summary.bySeverity[severity]}</strong></li>`,
  );
  items.push(`<li>${escapeHtml(labels.notEvaluated)}: <strong>${summary.notEvaluated}</strong></li>`);
  items.push(`<li>${escapeHtml(labels.suppressed)}: <strong>${summary.suppressed}</strong></li>`);
  return `<ul class="counts">\n${items.join('\n')}\n</ul>`;
}

/** Renders the diagram's flows as a table; rows that break a zoning rule are red and bold. */
export function matrixSection(graph: ZoneGraph, labels: HtmlLabels): string {
  const headers = labels.matrixHeaders;
  const rows = graph.sites.flatMap((site) =>
    site.edges.map((edge) => {
      const cells = [site.site, edge.from, edge.to, edge.services, edge.violations.join(', ')];
      const row = cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('');
      return `<tr${edge.violations.length > 0 ? ' class="violation"' : ''}>${row}</tr>`;
    }),
  );
  if (rows.length === 0) return `<p>${escapeHtml(labels.noFlows)}</p>`;
  const head = [headers.site, headers.from, headers.to, headers.services, headers.violations]
    .map((header) => `<th>${escapeHtml(header)}</th>`)
    .join('');
  return `<table class="matrix">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/** Renders one row per requirement or article, with its status and what decided it. */
export function complianceSection(rows: ComplianceRow[], root: string, labels: HtmlLabels): string {
  const headers = labels.complianceHeaders;
  const head = [headers.requirement, headers.articles, headers.status, headers.evidence]
    .map((header) => `<th>${escapeHtml(header)}</th>`)
    .join('');
  const body = rows.map((row) => {
    const requirement = `<code>${escapeHtml(row.id)}</code>${row.title ? `<br>${escapeHtml(row.title)}` : ''}`;
    const status = `<span class="status ${row.status}">${escapeHtml(labels.status[row.status])}</span>`;
    const evidence = [
      ...row.findings.map((finding) => findingLine(finding, root, labels)),
      ...row.notes.map((note) => escapeHtml(labels.note(note))),
    ];
    const list = evidence.length > 0 ? `<ul>${evidence.map((item) => `<li>${item}</li>`).join('')}</ul>` : '';
    return `<tr id="requirement-${escapeHtml(row.id)}"><td>${requirement}</td><td>${escapeHtml(row.articles.join(', '))}</td><td>${status}</td><td>${list}</td></tr>`;
  });
  return `<table class="compliance">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}
