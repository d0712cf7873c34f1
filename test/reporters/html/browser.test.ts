import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import { buildZoneGraph } from '../../../src/reporters/diagram/index.ts';
import { renderHtml } from '../../../src/reporters/html/index.ts';
import { countNear, decodePng, distinctColors } from './png.ts';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = path.resolve(import.meta.dirname, '../../../examples/terraform/portal-noncompliant');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The stroke colour of flows that break a zoning rule (src/reporters/diagram/dot.ts). */
const VIOLATION_RED: [number, number, number] = [0xc6, 0x28, 0x28];

const hasChromium = existsSync(CHROMIUM);
const title = hasChromium
  ? 'HTML report in Chromium'
  : `HTML report in Chromium (skipped: ${CHROMIUM} is missing; install Debian's chromium package)`;

describe.skipIf(!hasChromium)(title, () => {
  let folder: string;
  let reportUrl: string;
  const requests: string[] = [];
  let diagramBox: { x: number; y: number; width: number; height: number } | null = null;
  let nodeIds: string[] = [];
  let expectedNodeIds: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'zoneguard-browser-'));
    const result = await scan([EXAMPLE]);
    const report = path.join(folder, 'report.html');
    await writeFile(report, await renderHtml(result, { scannedAt: new Date('2025-01-02T03:04:05Z') }));
    reportUrl = pathToFileURL(report).href;
    const graph = buildZoneGraph(result);
    expectedNodeIds = [
      ...graph.outside.map((node) => `zone-${node}`),
      ...graph.sites.flatMap((site, index) => site.zones.map((zone) => `zone-site${index}-${zone}`)),
    ].sort();

    const { chromium } = await import('playwright-core');
    const profile = path.join(folder, 'profile');
    await mkdir(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(reportUrl, { waitUntil: 'load' });
      const svg = page.locator('figure.diagram svg');
      await svg.scrollIntoViewIfNeeded();
      diagramBox = await svg.boundingBox();
      nodeIds = await page.locator('figure.diagram svg g.node').evaluateAll((nodes) => nodes.map((node) => node.id));
      await page.screenshot({ path: path.join(folder, 'report.png'), fullPage: true });
      if (diagramBox !== null) await page.screenshot({ path: path.join(folder, 'diagram.png'), clip: diagramBox });
    } finally {
      await context.close();
    }
  }, 120_000);

  afterAll(async () => {
    // ZONEGUARD_KEEP_SCREENSHOTS keeps the page and screenshots for a person to look at.
    if (process.env.ZONEGUARD_KEEP_SCREENSHOTS) console.log(`report and screenshots kept in ${folder}`);
    else if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('lays out the diagram with a size', () => {
    expect(diagramBox).not.toBeNull();
    expect(diagramBox!.width).toBeGreaterThan(100);
    expect(diagramBox!.height).toBeGreaterThan(50);
  });

  it('draws one node per zone', () => {
    expect(expectedNodeIds).toContain('zone-internet');
    expect(expectedNodeIds).toContain('zone-site0-dmz');
    expect(nodeIds.sort()).toEqual(expectedNodeIds);
  });

  it('paints the diagram, violations in red', async () => {
    const pixels = decodePng(await readFile(path.join(folder, 'diagram.png')));
    expect(pixels.width).toBeGreaterThan(100);
    expect(distinctColors(pixels).size).toBeGreaterThan(10);
    expect(countNear(pixels, VIOLATION_RED, 60)).toBeGreaterThan(200);
  });

  it('loads nothing but the report file', () => {
    expect(requests).toEqual([reportUrl]);
  });
});
