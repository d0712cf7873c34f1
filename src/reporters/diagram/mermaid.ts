import type { Language } from '../../engine/types.ts';
import { isOutside, type SiteGraph, type ZoneGraph, type ZoneNode } from './graph.ts';
import { edgeLabelLines, nodeLabel } from './labels.ts';

const VIOLATION_STYLE = 'stroke:#c62828,stroke-width:3px,color:#c62828,font-weight:bold';

/**
 * Renders the zone graph as a Mermaid `flowchart LR`: the outside as its own
 * nodes, each site as a subgraph of its zones, flows as labelled edges, and
 * flows that break a zoning rule thick, red and bold.
 */
export function mermaidText(graph: ZoneGraph, language: Language): string {
  const lines = ['flowchart LR'];
  for (const node of graph.outside) lines.push(`  ${nodeId(node)}(["${escapeMermaid(nodeLabel(node, language))}"])`);
  const violating: number[] = [];
  let edgeIndex = 0;
  graph.sites.forEach((site, siteIndex) => {
    lines.push(...siteLines(site, siteIndex, language));
    for (const edge of site.edges) {
      const label = edgeLabelLines(edge.services, edge.violations, language).map(escapeMermaid).join('<br/>');
      const arrow = edge.violations.length > 0 ? '==>' : '-->';
      lines.push(`  ${endId(edge.from, siteIndex)} ${arrow}|"${label}"| ${endId(edge.to, siteIndex)}`);
      if (edge.violations.length > 0) violating.push(edgeIndex);
      edgeIndex += 1;
    }
  });
  if (violating.length > 0) lines.push(`  linkStyle ${violating.join(',')} ${VIOLATION_STYLE}`);
  if (graph.outside.length > 0) lines.push('  classDef external fill:#eceff1,stroke:#455a64');
  if (graph.outside.length > 0) lines.push(`  class ${graph.outside.map((node) => nodeId(node)).join(',')} external`);
  return `${lines.join('\n')}\n`;
}

function siteLines(site: SiteGraph, siteIndex: number, language: Language): string[] {
  return [
    `  subgraph site${siteIndex}["${escapeMermaid(site.site)}"]`,
    ...site.zones.map((zone) => `    ${nodeId(zone, siteIndex)}["${escapeMermaid(nodeLabel(zone, language))}"]`),
    '  end',
  ];
}

/** Outside nodes are shared by every site; zone nodes belong to one. */
function endId(node: ZoneNode, siteIndex: number): string {
  return isOutside(node) ? nodeId(node) : nodeId(node, siteIndex);
}

function nodeId(node: ZoneNode, siteIndex?: number): string {
  const name = node.replace(/-/g, '_');
  return siteIndex === undefined ? name : `site${siteIndex}_${name}`;
}

/**
 * Escapes text for a quoted Mermaid label. Mermaid reads `#code;` entity
 * codes, so every character that could end the label, start an entity, split
 * a statement or be read as HTML becomes one, in a single pass.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#"<>|`;&]/g, (character) => `#${character.charCodeAt(0)};`);
}
