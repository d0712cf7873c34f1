import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { memoryIo } from '../../cli/memory-io.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../../examples/terraform/portal-noncompliant');

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('zoneguard graph', () => {
  it('prints the Mermaid diagram of a site', async () => {
    const io = memoryIo(EXAMPLE);
    const code = await main(['graph', '.', '--format', 'mermaid', '--site', 'aws_vpc.portal'], io);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/^flowchart LR\n/);
    expect(io.out()).toContain('subgraph site0["aws_vpc.portal"]');
    expect(io.out()).toContain('breaks internet-ingress-dmz-only');
  });

  it('writes an SVG file with --output', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'zoneguard-graph-'));
    const target = path.join(folder, 'zones.svg');
    const io = memoryIo(EXAMPLE);
    expect(await main(['graph', '.', '--output', target], io)).toBe(0);
    const svg = await readFile(target, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('<g id="zone&#45;site0&#45;dmz" class="node">');
    expect(io.err()).toContain(`Wrote the svg diagram to ${target}.`);
  });

  it('prints DOT text', async () => {
    const io = memoryIo(EXAMPLE);
    expect(await main(['graph', '.', '-f', 'dot'], io)).toBe(0);
    expect(io.out()).toMatch(/^digraph zones \{\n/);
  });

  it('rejects an unknown site with the known ones', async () => {
    const io = memoryIo(EXAMPLE);
    expect(await main(['graph', '.', '-f', 'mermaid', '--site', 'aws_vpc.nope'], io)).toBe(2);
    expect(io.err()).toContain('Site aws_vpc.nope was not found; the scanned sites are: aws_vpc.portal.');
    expect(io.out()).toBe('');
  });

  it('writes the HTML report of a scan', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'zoneguard-html-'));
    const target = path.join(folder, 'report.html');
    const io = memoryIo(EXAMPLE);
    expect(await main(['scan', '.', '--format', 'html', '--output', target], io)).toBe(1);
    const html = await readFile(target, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<figure class="diagram">\n<svg');
    expect(html).toContain('<span class="status fail">fail</span>');
  });
});
