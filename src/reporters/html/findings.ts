import type { Finding } from '../../engine/types.ts';
import { formatLine, formatLocation } from '../format-location.ts';
import { compareArticles } from './compliance.ts';
import { escapeHtml } from './escape.ts';
import type { HtmlLabels } from './labels.ts';

/** Unsuppressed failures and unknown results, the findings the report lists. */
export function listedFindings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.suppression === undefined);
}

/** Renders one `<h3>` per rule, in the order of the sorted findings. */
export function findingsByRule(findings: Finding[], root: string, labels: HtmlLabels): string {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) addTo(groups, finding.ruleId, finding);
  return [...groups]
    .map(([ruleId, group]) => {
      const heading = `<code>${escapeHtml(ruleId)}</code> ${escapeHtml(group[0]!.title)} (${group.length})`;
      return `<h3>${heading}</h3>\n${group.map((finding) => findingCard(finding, root, labels)).join('\n')}`;
    })
    .join('\n');
}

/** Renders one `<h3>` per article; a finding under every article its rule cites. */
export function findingsByArticle(findings: Finding[], root: string, labels: HtmlLabels): string {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const article of finding.articles) addTo(groups, article, finding);
  }
  return [...groups.keys()]
    .sort(compareArticles)
    .map((article) => {
      const group = groups.get(article)!;
      const items = group.map((finding) => `<li>${findingLine(finding, root, labels)}</li>`).join('\n');
      return `<h3>${escapeHtml(article)} (${group.length})</h3>\n<ul>\n${items}\n</ul>`;
    })
    .join('\n');
}

/** Renders a short line for lists and the compliance matrix: rule, place and message. */
export function findingLine(finding: Finding, root: string, labels: HtmlLabels): string {
  const status = finding.status === 'unknown' ? ` <em>(${escapeHtml(labels.unknownStatus)})</em>` : '';
  return (
    `<code>${escapeHtml(finding.ruleId)}</code> <span class="where">${escapeHtml(formatLocation(root, finding.location))}</span>` +
    `${status}: ${escapeHtml(finding.message)}`
  );
}

function findingCard(finding: Finding, root: string, labels: HtmlLabels): string {
  const lines = [
    `<div class="finding ${finding.severity}">`,
    `<p><strong>${escapeHtml(labels.severity[finding.severity])}</strong> <span class="where">${escapeHtml(formatLocation(root, finding.location))}</span> <code>${escapeHtml(finding.address)}</code>${finding.status === 'unknown' ? ` <em>(${escapeHtml(labels.unknownStatus)})</em>` : ''}</p>`,
    `<p>${escapeHtml(finding.message)}</p>`,
    `<p><strong>${escapeHtml(labels.remediation)}:</strong> ${escapeHtml(finding.remediation)}</p>`,
  ];
  if (finding.evidence.length > 0) {
    const steps = finding.evidence.map(
      (step) => `<li>${escapeHtml(step.text)} <span class="where">(${escapeHtml(formatLine(root, step.location))})</span></li>`,
    );
    lines.push(`<p><strong>${escapeHtml(labels.evidence)}:</strong></p>`, `<ol>${steps.join('')}</ol>`);
  }
  lines.push('</div>');
  return lines.join('\n');
}

function addTo(groups: Map<string, Finding[]>, key: string, finding: Finding): void {
  const group = groups.get(key) ?? [];
  group.push(finding);
  groups.set(key, group);
}
