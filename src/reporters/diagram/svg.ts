import { instance, type Viz } from '@viz-js/viz';

let viz: Promise<Viz> | undefined;

/**
 * Lays out DOT text with Graphviz compiled to WebAssembly (`@viz-js/viz`),
 * so no system Graphviz is needed. Returns the SVG document Graphviz writes.
 * Throws when Graphviz rejects the input, which is a bug in the DOT writer.
 */
export async function layoutSvg(dot: string): Promise<string> {
  viz ??= instance();
  const result = (await viz).render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') {
    const messages = result.errors.map((error) => error.message).join('; ');
    throw new Error(`Graphviz could not lay out the zone diagram: ${messages}`);
  }
  return result.output;
}

/** Strips the XML declaration, doctype and comments so the SVG can sit inside an HTML page. */
export function inlineSvg(document: string): string {
  return document
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .trim();
}
