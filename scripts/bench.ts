// Benchmark: generates synthetic estates of about 1k, 10k and 50k resources,
// scans each in a child process, and times `terraform fmt -check -recursive`
// on the same tree for comparison. Prints a Markdown table for
// docs/benchmarks.md. Usage: npm run bench [-- 1000 10000 50000]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateEstate, RESOURCES_PER_SITE } from './bench/generate.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1000, 10000, 50000);

interface Measurement {
  timings: Record<string, number>;
  scanMs: number;
  reportMs: number;
  totalMs: number;
  cpuMs: number;
  peakRssMb: number;
  findings: number;
  files: number;
  reportErrors: string[];
}

function measureScan(dir: string): Measurement {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/bench/measure.ts'), dir],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  return JSON.parse(output) as Measurement;
}

/** Wall time of `terraform fmt -check -recursive`, or undefined when terraform is missing. */
function measureTerraformFmt(dir: string): number | undefined {
  const started = performance.now();
  const run = spawnSync('terraform', ['fmt', '-check', '-recursive', dir], { stdio: 'ignore' });
  if (run.error) return undefined;
  return performance.now() - started;
}

const seconds = (ms: number | undefined): string => (ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
const loads = (): string => loadavg().map((load) => load.toFixed(1)).join(' ');

const rows: string[] = [];
const notes: string[] = [];
for (const size of sizes) {
  const dir = join(root, 'bench-out', String(size));
  const sites = generateEstate(dir, size);
  const resources = sites * RESOURCES_PER_SITE;
  const loadBefore = loads();
  const scanRun = measureScan(dir);
  const fmtMs = measureTerraformFmt(dir);
  const t = scanRun.timings;
  const ratio = fmtMs === undefined ? 'n/a' : (scanRun.totalMs / fmtMs).toFixed(1);
  // CPU time per resource shows whether the scan grows linearly, whatever the machine's load.
  const cpuPerResource = ((scanRun.cpuMs * 1000) / resources).toFixed(0);
  rows.push(
    `| ${resources} | ${sites} | ${scanRun.files} | ${seconds(t.load)} | ${seconds(t.model)} | ` +
      `${seconds(t.reachability)} | ${seconds(t.rules)} | ${seconds(scanRun.reportMs)} | ` +
      `${seconds(scanRun.totalMs)} | ${seconds(scanRun.cpuMs)} | ${cpuPerResource} | ` +
      `${scanRun.peakRssMb.toFixed(0)} | ${seconds(fmtMs)} | ${ratio} | ${scanRun.findings} | ${loadBefore} |`,
  );
  for (const error of scanRun.reportErrors) notes.push(`${resources} resources: the report failed: ${error}`);
  process.stderr.write(`${resources} resources done\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('');
console.log(
  '| resources | sites | files | load s | model s | reachability s | rules s | report s | total s | CPU s | CPU µs / resource | peak RSS MiB | terraform fmt s | total / fmt | findings | load average before |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
for (const note of notes) console.log(`\n${note}`);
if (rows.some((row) => row.includes('| n/a |'))) {
  console.log('\n`terraform` was not found on the PATH, so its column is empty.');
}
