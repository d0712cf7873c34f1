import type { ScanResult } from '../../engine/result.ts';
import { dotText } from './dot.ts';
import { buildZoneGraph, type DiagramOptions } from './graph.ts';
import { mermaidText } from './mermaid.ts';
import { layoutSvg } from './svg.ts';

export { buildZoneGraph, siteNames, UnknownSiteError, type DiagramOptions, type ZoneGraph } from './graph.ts';
export { inlineSvg } from './svg.ts';

/**
 * Renders the zone diagram of a scan as Mermaid `flowchart LR` text: the zones of
 * each site, the flows between them with their ports, and flows that break a
 * zoning rule in red. Labels follow `result.language`.
 */
export function renderMermaid(result: ScanResult, options: DiagramOptions = {}): string {
  return mermaidText(buildZoneGraph(result, options), result.language);
}

/** Renders the zone diagram as Graphviz DOT text. */
export function renderDot(result: ScanResult, options: DiagramOptions = {}): string {
  return dotText(buildZoneGraph(result, options), result.language);
}

/** Renders the zone diagram as an SVG document, laid out by Graphviz (WebAssembly). */
export async function renderSvg(result: ScanResult, options: DiagramOptions = {}): Promise<string> {
  return layoutSvg(renderDot(result, options));
}
