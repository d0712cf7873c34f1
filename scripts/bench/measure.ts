// Scans one estate in this process and prints the stage timings and peak
// memory as JSON. bench.ts runs it in a child process per size, so the peak
// resident set of one size does not carry over to the next.
import { performance } from 'node:perf_hooks';
import type { ScanResult } from '../../src/engine/result.ts';
import { scan } from '../../src/engine/scan.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { renderText } from '../../src/reporters/text.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure.ts DIR');

const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await scan([dir], { language: 'en' });
const scanned = performance.now();
const reportErrors = [renderSarif, (scanned: ScanResult) => renderText(scanned, { color: false })].flatMap((render) => {
  try {
    render(result);
    return [];
  } catch (error) {
    // A report that cannot be built (a string past V8's limit) is a result to record, not a reason to lose the timings.
    return [`${render.name || 'renderText'}: ${error instanceof Error ? error.message : String(error)}`];
  }
});
const reported = performance.now();
const cpu = process.cpuUsage(cpuBefore);

process.stdout.write(
  JSON.stringify({
    timings: result.timings ?? {},
    scanMs: scanned - started,
    reportMs: reported - scanned,
    totalMs: reported - started,
    // CPU time (user + system) of the scan and the reports; on a shared machine it is steadier than wall time.
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    findings: result.findings.length,
    files: result.files.length,
    reportErrors,
  }),
);
