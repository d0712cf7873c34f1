import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/engine/config-load.ts';

function tempRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoneguard-config-'));
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('loadConfig', () => {
  it('finds the config in a parent folder', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), 'severityThreshold: medium\nfailOnUnknown: true\n');
    const nested = path.join(repo, 'infra', 'prod');
    mkdirSync(nested, { recursive: true });
    const loaded = loadConfig(nested);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.path).toBe(path.join(repo, '.zoneguard.yml'));
    expect(loaded.config).toEqual({ severityThreshold: 'medium', failOnUnknown: true });
  });

  it('accepts the .yaml spelling', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yaml'), 'zones:\n  nameHeuristics: false\n');
    expect(loadConfig(repo).config).toEqual({ zones: { nameHeuristics: false } });
  });

  it('stops searching at the repository root', () => {
    const outer = mkdtempSync(path.join(tmpdir(), 'zoneguard-outer-'));
    writeFileSync(path.join(outer, '.zoneguard.yml'), 'severityThreshold: low\n');
    const repo = path.join(outer, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    const loaded = loadConfig(repo);
    expect(loaded.path).toBeUndefined();
    expect(loaded.config).toEqual({});
  });

  it('reads an explicit path', () => {
    const repo = tempRepo();
    const file = path.join(repo, 'custom.yml');
    writeFileSync(file, 'rules:\n  internet-ingress-dmz-only:\n    severity: critical\n');
    const loaded = loadConfig(path.join(repo, 'elsewhere'), file);
    expect(loaded.path).toBe(file);
    expect(loaded.config.rules?.['internet-ingress-dmz-only']?.severity).toBe('critical');
  });

  it('reports a missing explicit file', () => {
    const loaded = loadConfig(tmpdir(), '/nonexistent/zoneguard.yml');
    expect(loaded.diagnostics[0]?.code).toBe('file-unreadable');
    expect(loaded.diagnostics[0]?.severity).toBe('error');
  });

  it('names file, line, column and field of a schema error', () => {
    const repo = tempRepo();
    const file = path.join(repo, '.zoneguard.yml');
    writeFileSync(file, 'severityThreshold: high\nrules:\n  ssh:\n    severity: hgih\n');
    const [diagnostic, ...rest] = loadConfig(repo).diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic?.code).toBe('config-invalid');
    expect(diagnostic?.location?.file).toBe(file);
    expect(diagnostic?.location?.range?.startLine).toBe(4);
    expect(diagnostic?.location?.range?.startColumn).toBe(5);
    expect(diagnostic?.message).toContain(file);
    expect(diagnostic?.message).toContain('line 4, column 5');
    expect(diagnostic?.message).toContain('`rules.ssh.severity`');
    expect(diagnostic?.message).toContain('"hgih"');
  });

  it('points an unknown setting at its key', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), 'zones:\n  names:\n    - pattern: "*mgmt*"\n      zone: management\n      colour: red\n');
    const [diagnostic] = loadConfig(repo).diagnostics;
    expect(diagnostic?.message).toContain('`zones.names[0].colour` is not a known setting');
    expect(diagnostic?.location?.range?.startLine).toBe(5);
  });

  it('requires a reason to skip a rule', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), 'rules:\n  zone-required:\n    skip: {}\n');
    const [diagnostic] = loadConfig(repo).diagnostics;
    expect(diagnostic?.message).toContain('missing the required field `reason`');
  });

  it('reports invalid YAML with its position', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), 'rules: [a, b\nzones: 1\n');
    const [diagnostic] = loadConfig(repo).diagnostics;
    expect(diagnostic?.code).toBe('config-invalid');
    expect(diagnostic?.location?.range?.startLine).toBe(2);
  });

  it('treats a comment-only file as empty', () => {
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), '\uFEFF# nothing yet\n');
    const loaded = loadConfig(repo);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config).toEqual({});
  });
});

describe('docs/configuration.md', () => {
  it('has an example that passes the schema', () => {
    const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    const example = doc.split('```yaml\n')[1]?.split('```')[0] ?? '';
    expect(example).toContain('severityThreshold');
    const repo = tempRepo();
    writeFileSync(path.join(repo, '.zoneguard.yml'), example);
    expect(loadConfig(repo).diagnostics).toEqual([]);
  });
});
