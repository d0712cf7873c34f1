import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TSX = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
const ERROR = '@cdktf/error';
const WARNING = '@cdktf/warn';
const temps: string[] = [];

interface Synth {
  exitCode: number;
  stderr: string;
  outDir: string;
}
interface Annotation {
  constructPath: string;
  level: string;
  message: string;
}

afterAll(async () => {
  for (const temp of temps) await rm(temp, { recursive: true, force: true });
});

/**
 * Runs an app with the Aspect as `cdktf synth` would run it. With `asCli`,
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS is set as cdktf-cli sets it. The
 * app then writes the annotations into the manifest instead of throwing, and
 * the CLI fails when the manifest has errors.
 */
function synth(script: string, env: Record<string, string>, asCli = false): Promise<Synth> {
  return new Promise((done, fail) => {
    mkdtemp(join(tmpdir(), 'zoneguard-aspect-')).then((temp) => {
      temps.push(temp);
      const outDir = join(temp, 'cdktf.out');
      const cliEnv = asCli ? { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: '1' } : {};
      execFile(TSX, [script], { cwd: FIXTURES, env: { ...process.env, ...env, ...cliEnv, CDKTF_OUTDIR: outDir } }, (error, _stdout, stderr) => {
        done({ exitCode: error ? Number(error.code ?? 1) : 0, stderr, outDir });
      });
    }, fail);
  });
}

async function annotationsOf(outDir: string, stack: string): Promise<Annotation[]> {
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8'));
  return manifest.stacks[stack].annotations as Annotation[];
}

/** `rule-id construct/path` of each annotation at a level. */
function ruleAt(annotations: Annotation[], level: string): string[] {
  return annotations
    .filter((annotation) => annotation.level === level)
    .map((annotation) => `${/^\[zoneguard ([a-z-]+),/.exec(annotation.message)?.[1]} ${annotation.constructPath}`)
    .sort();
}

describe.concurrent('ZoneguardAspect under cdktf', () => {
  it('fails a plain app.synth() of the non-compliant portal, naming construct and rule', async () => {
    const result = await synth('cdktf-portal.ts', { PORTAL: 'portal-noncompliant' });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('Encountered Annotations with level "ERROR"');
    expect(result.stderr).toContain('[portal/firewall/web] [zoneguard management-ports-from-management-zone, high');
    expect(result.stderr).toContain('[portal/db] [zoneguard portal-db-not-exposed, high');
  }, 120_000);

  it('annotates each high finding on its construct', async () => {
    const result = await synth('cdktf-portal.ts', { PORTAL: 'portal-noncompliant' }, true);
    expect(result.exitCode).toBe(0);
    const annotations = await annotationsOf(result.outDir, 'portal');
    const scanned = await scan([result.outDir]);
    const high = scanned.findings.filter((finding) => finding.status === 'fail' && ['critical', 'high'].includes(finding.severity));
    const expected = high.map((finding) => `${finding.ruleId} ${finding.constructPath ?? 'portal'}`).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(ruleAt(annotations, ERROR)).toEqual(expected);
    const lower = scanned.findings.filter((finding) => finding.status === 'fail' && !['critical', 'high'].includes(finding.severity));
    expect(ruleAt(annotations, WARNING)).toEqual(lower.map((finding) => `${finding.ruleId} ${finding.constructPath ?? 'portal'}`).sort());
  }, 120_000);

  it('turns findings below the severityThreshold option into warnings', async () => {
    const result = await synth('cdktf-portal.ts', { PORTAL: 'portal-noncompliant', THRESHOLD: 'critical' }, true);
    const annotations = await annotationsOf(result.outDir, 'portal');
    expect(ruleAt(annotations, ERROR)).toEqual([]);
    expect(ruleAt(annotations, WARNING)).toContain('management-ports-from-management-zone portal/firewall/web');
  }, 120_000);

  it('lets the compliant portal synthesize with no annotations', async () => {
    const result = await synth('cdktf-portal.ts', { PORTAL: 'portal-compliant' });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(await annotationsOf(result.outDir, 'portal')).toEqual([]);
  }, 120_000);
});

describe.concurrent('ZoneguardAspect under CDK Terrain (cdktn)', () => {
  it('fails synth when the bastion admits SSH from the Internet', async () => {
    const result = await synth('cdktn-bastion.ts', {});
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('node_modules/cdktn/');
    expect(result.stderr).toContain('[net/bastion-sg] [zoneguard management-ports-from-management-zone, high');
    expect(result.stderr).toContain('[net/bastion-sg] [zoneguard internet-ingress-dmz-only, high');
  }, 120_000);

  it('passes when SSH comes only from the management zone', async () => {
    const result = await synth('cdktn-bastion.ts', { OPEN_TO: '10.50.0.0/24' });
    expect(result.exitCode).toBe(0);
    expect(await annotationsOf(result.outDir, 'net')).toEqual([]);
  }, 120_000);

  it('fails synth with the reason when the config cannot be read', async () => {
    const missing = join(FIXTURES, 'no-such-config.yml');
    const result = await synth('cdktn-bastion.ts', { OPEN_TO: '10.50.0.0/24', CONFIG_FILE: missing });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('[net] [zoneguard file-unreadable] The config file');
    expect(result.stderr).toContain(missing);
  }, 120_000);

  it('takes the threshold from the config file', async () => {
    const result = await synth('cdktn-bastion.ts', { CONFIG_FILE: 'critical-only.zoneguard.yml' }, true);
    expect(result.exitCode).toBe(0);
    const annotations = await annotationsOf(result.outDir, 'net');
    expect(ruleAt(annotations, ERROR)).toEqual([]);
    expect(ruleAt(annotations, WARNING)).toContain('management-ports-from-management-zone net/bastion-sg');
  }, 120_000);
});
