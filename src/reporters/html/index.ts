import type { ScanResult } from '../../engine/result.ts';
import { buildZoneGraph, inlineSvg, renderSvg } from '../diagram/index.ts';
import { complianceRows } from './compliance.ts';
import { escapeHtml } from './escape.ts';
import { findingsByArticle, findingsByRule, listedFindings } from './findings.ts';
import { htmlLabelsFor } from './labels.ts';
import type { Requirement } from './requirements.ts';
import { complianceSection, countsSection, headerSection, matrixSection } from './sections.ts';
import { REPORT_CSS } from './style.ts';

export { parseRequirements, type Requirement } from './requirements.ts';

export interface HtmlOptions {
  /** When the scan ran; left out of the page when absent, so golden tests stay fixed. */
  scannedAt?: Date;
  /** Rows of the compliance matrix (the pack's `articles.yaml`); the articles the rules cite by default. */
  requirements?: Requirement[];
}

/**
 * Renders one self-contained HTML page: inline CSS and an inline SVG diagram,
 * no script and no external resource, because network designs are state
 * secret material and the page must load nothing from the network. Every
 * text from the scan is escaped.
 */
export async function renderHtml(result: ScanResult, options: HtmlOptions = {}): Promise<string> {
  const labels = htmlLabelsFor(result.language);
  const graph = buildZoneGraph(result);
  const diagram = graph.sites.length > 0 ? inlineSvg(await renderSvg(result)) : `<p>${escapeHtml(labels.noDiagram)}</p>`;
  const findings = listedFindings(result.findings);
  const noFindings = `<p>${escapeHtml(labels.noFindings)}</p>`;
  const body = [
    headerSection(result, options.scannedAt, labels),
    countsSection(result, labels),
    `<h2>${escapeHtml(labels.diagram)}</h2>\n<figure class="diagram">\n${diagram}\n</figure>`,
    `<h2>${escapeHtml(labels.matrix)}</h2>\n${matrixSection(graph, labels)}`,
    `<h2>${escapeHtml(labels.compliance)}</h2>\n${complianceSection(complianceRows(result, options.requirements), result.root, labels)}`,
    `<h2>${escapeHtml(labels.byRule)}</h2>\n${findings.length > 0 ? findingsByRule(findings, result.root, labels) : noFindings}`,
    `<h2>${escapeHtml(labels.byArticle)}</h2>\n${findings.length > 0 ? findingsByArticle(findings, result.root, labels) : noFindings}`,
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${result.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The policy forbids every fetch, so even a link someone injects could not load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(labels.title)}: ${escapeHtml(result.root)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
