import type { Language } from '../../engine/types.ts';
import { isOutside, type SiteGraph, type ZoneEdge, type ZoneGraph, type ZoneNode } from './graph.ts';
import { edgeLabelLines, nodeLabel } from './labels.ts';

const VIOLATION_COLOR = '#c62828';

/**
 * Renders the zone graph as Graphviz DOT. Every node gets an `id`
 * (`zone-internet`, `zone-site0-dmz`) that Graphviz copies into the SVG, so
 * the report and its tests can find the zones.
 */
export function dotText(graph: ZoneGraph, language: Language): string {
  const lines = [
    'digraph zones {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.5, ranksep=1.2];',
    '  node [shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0", fontname="Helvetica", fontsize=12];',
    '  edge [color="#455a64", fontname="Helvetica", fontsize=10];',
  ];
  for (const node of graph.outside) {
    lines.push(`  ${quote(nodeId(node))} [id=${quote(nodeId(node))}, label=${quote(nodeLabel(node, language))}, shape=ellipse, fillcolor="#eceff1", color="#455a64"];`);
  }
  graph.sites.forEach((site, siteIndex) => lines.push(...clusterLines(site, siteIndex, language)));
  graph.sites.forEach((site, siteIndex) => {
    for (const edge of site.edges) lines.push(edgeLine(edge, siteIndex, language));
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function clusterLines(site: SiteGraph, siteIndex: number, language: Language): string[] {
  return [
    `  subgraph cluster_site${siteIndex} {`,
    `    label=${quote(site.site)}; labelloc="b"; style="rounded,dashed"; color="#78909c";`,
    ...site.zones.map((zone) => {
      const id = quote(nodeId(zone, siteIndex));
      return `    ${id} [id=${id}, label=${quote(nodeLabel(zone, language))}];`;
    }),
    '  }',
  ];
}

function edgeLine(edge: ZoneEdge, siteIndex: number, language: Language): string {
  const label = edgeLabelLines(edge.services, edge.violations, language).map(escapeDot).join('\\n');
  const from = quote(endId(edge.from, siteIndex));
  const to = quote(endId(edge.to, siteIndex));
  const style =
    edge.violations.length > 0
      ? `, color="${VIOLATION_COLOR}", fontcolor="${VIOLATION_COLOR}", penwidth=3, style=bold, fontname="Helvetica-Bold", class="violation"`
      : '';
  return `  ${from} -> ${to} [label="${label}"${style}];`;
}

function endId(node: ZoneNode, siteIndex: number): string {
  return isOutside(node) ? nodeId(node) : nodeId(node, siteIndex);
}

/** Node ids double as SVG element ids, so they stay within letters, digits and `-`. */
export function nodeId(node: ZoneNode, siteIndex?: number): string {
  return siteIndex === undefined ? `zone-${node}` : `zone-site${siteIndex}-${node}`;
}

function quote(text: string): string {
  return `"${escapeDot(text)}"`;
}

/** Escapes text for a quoted DOT string; Graphviz reads `\` as the start of an escape such as `\n`. */
export function escapeDot(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n');
}
