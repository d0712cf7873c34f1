// Scans one estate in this process and prints the stage timings and peak
// memory as JSON. bench.ts runs it in a child process per size, so the peak
// resident set of one size does not carry over to the next.
import { performance } from 'node:perf_hooks';
import { scan } from '../../src/engine/scan.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure.ts DIR');

const started = performance.now();
const result = await scan([dir], { language: 'en' });
const scanned = performance.now();
renderSarif(result);
renderText(result, { color: false });
const reported = performance.now();

process.stdout.write(
  JSON.stringify({
    timings: result.timings ?? {},
    scanMs: scanned - started,
    reportMs: reported - scanned,
    totalMs: reported - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: result.findings.length,
    files: result.files.length,
  }),
);
