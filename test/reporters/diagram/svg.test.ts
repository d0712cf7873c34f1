import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineSvg, renderDot, renderSvg } from '../../../src/reporters/diagram/index.ts';
import { zoneResult } from './zone-result.ts';

const GOLDEN_DOT = `digraph zones {
  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.5, ranksep=1.2];
  node [shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#1565c0", fontname="Helvetica", fontsize=12];
  edge [color="#455a64", fontname="Helvetica", fontsize=10];
  "zone-internet" [id="zone-internet", label="Internet", shape=ellipse, fillcolor="#eceff1", color="#455a64"];
  "zone-outside" [id="zone-outside", label="Outside networks (outside)", shape=ellipse, fillcolor="#eceff1", color="#455a64"];
  subgraph cluster_site0 {
    label="aws_vpc.admin"; labelloc="b"; style="rounded,dashed"; color="#78909c";
    "zone-site0-management" [id="zone-site0-management", label="Management"];
  }
  subgraph cluster_site1 {
    label="aws_vpc.portal[\\"a<b>|\\\\\\"#1\\"]"; labelloc="b"; style="rounded,dashed"; color="#78909c";
    "zone-site1-dmz" [id="zone-site1-dmz", label="DMZ"];
    "zone-site1-internal" [id="zone-site1-internal", label="Internal servers (internal)"];
    "zone-site1-unclassified" [id="zone-site1-unclassified", label="Unclassified"];
  }
  "zone-outside" -> "zone-site0-management" [label="icmp"];
  "zone-internet" -> "zone-site1-dmz" [label="all protocols"];
  "zone-internet" -> "zone-site1-internal" [label="tcp 22, 443\\nbreaks internet-ingress-dmz-only, management-ports-from-management-zone", color="#c62828", fontcolor="#c62828", penwidth=3, style=bold, fontname="Helvetica-Bold", class="violation"];
  "zone-site1-dmz" -> "zone-site1-internal" [label="tcp 8000-8999; udp 53"];
}
`;

const GOLDEN_SVG = path.join(import.meta.dirname, 'golden/zones.svg');

describe('DOT and SVG zone diagram', () => {
  it('matches the golden DOT text', () => {
    expect(renderDot(zoneResult())).toBe(GOLDEN_DOT);
  });

  it('matches the golden SVG', async () => {
    expect(await renderSvg(zoneResult())).toBe(await readFile(GOLDEN_SVG, 'utf8'));
  });

  it('gives every zone an SVG node with its id', async () => {
    const svg = await renderSvg(zoneResult());
    for (const id of ['internet', 'outside', 'site0-management', 'site1-dmz', 'site1-internal', 'site1-unclassified']) {
      // Graphviz writes the `-` of ids as the entity &#45;.
      expect(svg).toContain(`<g id="zone&#45;${id.replace(/-/g, '&#45;')}" class="node">`);
    }
  });

  it('draws the violating flow red and thick', async () => {
    const svg = await renderSvg(zoneResult());
    const violations = svg.match(/<g id="edge\d+" class="edge violation">/g) ?? [];
    expect(violations).toHaveLength(1);
    expect(svg).toContain('stroke="#c62828" stroke-width="3"');
  });

  it('escapes the site name for XML', async () => {
    const svg = await renderSvg(zoneResult());
    expect(svg).toContain('aws_vpc.portal[&quot;a&lt;b&gt;|\\&quot;#1&quot;]');
    expect(svg).not.toContain('<b>');
  });

  it('inlines without prolog, doctype or comments', async () => {
    const inline = inlineSvg(await renderSvg(zoneResult()));
    expect(inline.startsWith('<svg')).toBe(true);
    expect(inline).not.toContain('<?xml');
    expect(inline).not.toContain('<!DOCTYPE');
    expect(inline).not.toContain('<!--');
  });
});
