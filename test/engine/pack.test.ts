import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLES_FILE, DEFAULT_PACK_DIR, loadPack } from '../../src/engine/pack/load.ts';

const VALID_ENTRY = `id: sample-rule
articles: ["Đ9.2.a"]
severity: high
advisory: false
centralSuppressionOnly: false
title: { en: Do the thing, vi: Làm việc này }
description: { en: The thing is done., vi: Việc này được làm. }
remediation: { en: Do it., vi: Hãy làm. }
parameters:
  ports:
    default: true
    value: [22]
    description: { en: Ports., vi: Các cổng. }
messages:
  found:
    en: "{subject} is wrong."
    vi: "{subject} bị sai."
`;

const temporaryDirs: string[] = [];

async function packWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zoneguard-pack-'));
  temporaryDirs.push(dir);
  await copyFile(join(DEFAULT_PACK_DIR, 'pack.yaml'), join(dir, 'pack.yaml'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

afterEach(async () => {
  for (const dir of temporaryDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadPack on the built-in pack', () => {
  it('loads the pack header', async () => {
    const pack = await loadPack();
    expect(pack.info?.id).toBe('tchq-2926');
  });

  it('validates every entry without diagnostics', async () => {
    const pack = await loadPack();
    expect(pack.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  it('contains the engine rules', async () => {
    const ids = (await loadPack()).rules.map((rule) => rule.id);
    for (const id of ['zone-required', 'zone-unclassified', 'no-default-credentials', 'storage-raid']) {
      expect(ids).toContain(id);
    }
  });
});

/** Every `{ en, vi }` text in a YAML document, and every object that has only one of them. */
function collectTexts(value: unknown, path: string, into: Array<{ path: string; keys: string[] }>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectTexts(item, `${path}[${index}]`, into));
    return;
  }
  const keys = Object.keys(value);
  if (keys.includes('en') || keys.includes('vi')) into.push({ path, keys });
  for (const [key, child] of Object.entries(value)) collectTexts(child, `${path}.${key}`, into);
}

describe('pack texts', () => {
  it('give every text of every rule in both languages', async () => {
    const names = (await readdir(DEFAULT_PACK_DIR)).filter((name) => name.endsWith('.yaml'));
    for (const name of names) {
      const document = load(await readFile(join(DEFAULT_PACK_DIR, name), 'utf8')) as Record<string, unknown>;
      const texts: Array<{ path: string; keys: string[] }> = [];
      collectTexts(document, name, texts);
      for (const field of ['title', 'description', 'remediation']) {
        if (name !== 'pack.yaml' && name !== ARTICLES_FILE) expect(texts.map((text) => text.path), name).toContain(`${name}.${field}`);
      }
      for (const text of texts) {
        expect(text.keys, text.path).toContain('en');
        expect(text.keys, text.path).toContain('vi');
      }
    }
  });

  it('write Vietnamese with diacritics', async () => {
    const pack = await loadPack();
    for (const rule of pack.rules) {
      expect(rule.description.vi, rule.id).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });
});

describe('loadPack on a broken entry', () => {
  it('accepts a valid entry', async () => {
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': VALID_ENTRY }));
    expect(pack.diagnostics).toEqual([]);
    expect(pack.rules[0]?.parameters).toEqual({ ports: [22] });
    expect(pack.rules[0]?.defaultParameters).toEqual(['ports']);
  });

  it('names the file, line and field of a wrong type', async () => {
    const broken = VALID_ENTRY.replace('    default: true', '    default: "yes"');
    const dir = await packWith({ 'sample-rule.yaml': broken });
    const pack = await loadPack(dir);
    expect(pack.rules).toEqual([]);
    const [diagnostic] = pack.diagnostics;
    expect(diagnostic?.code).toBe('config-invalid');
    expect(diagnostic?.location?.file).toBe(join(dir, 'sample-rule.yaml'));
    expect(diagnostic?.location?.range?.startLine).toBe(11);
    expect(diagnostic?.location?.range?.startColumn).toBe(5);
    expect(diagnostic?.message).toContain('parameters.ports.default');
  });

  it('reports a missing Vietnamese text at its parent', async () => {
    const broken = VALID_ENTRY.replace('    vi: "{subject} bị sai."\n', '');
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': broken }));
    const [diagnostic] = pack.diagnostics;
    expect(diagnostic?.message).toContain('messages.found');
    expect(diagnostic?.message).toContain('`vi`');
    expect(diagnostic?.location?.range?.startLine).toBe(15);
  });

  it('rejects an id that is not kebab-case', async () => {
    const broken = VALID_ENTRY.replace('id: sample-rule', 'id: Sample_Rule');
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': broken }));
    expect(pack.diagnostics[0]?.location?.range?.startLine).toBe(1);
    expect(pack.diagnostics[0]?.message).toContain('Field `id`');
  });

  it('rejects an unknown severity', async () => {
    const broken = VALID_ENTRY.replace('severity: high', 'severity: urgent');
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': broken }));
    expect(pack.diagnostics[0]?.message).toContain('must be one of critical, high, medium, low, info');
    expect(pack.diagnostics[0]?.location?.range?.startLine).toBe(3);
  });

  it('rejects an id that differs from the file name', async () => {
    const pack = await loadPack(await packWith({ 'other-rule.yaml': VALID_ENTRY }));
    expect(pack.diagnostics[0]?.message).toContain('must equal the file name `other-rule`');
  });

  it('rejects placeholders that differ between languages', async () => {
    const broken = VALID_ENTRY.replace('"{subject} bị sai."', '"{target} bị sai."');
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': broken }));
    expect(pack.diagnostics[0]?.message).toContain('placeholders {subject} in English but {target} in Vietnamese');
  });

  it('rejects a title with a trailing period', async () => {
    const broken = VALID_ENTRY.replace('en: Do the thing,', 'en: Do the thing.,');
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': broken }));
    expect(pack.diagnostics[0]?.message).toContain('no trailing period');
  });

  it('reports invalid YAML with its position', async () => {
    const pack = await loadPack(await packWith({ 'sample-rule.yaml': 'id: [unclosed\n' }));
    expect(pack.diagnostics[0]?.code).toBe('config-invalid');
    expect(pack.diagnostics[0]?.message).toContain('invalid YAML');
  });

  it('reports a missing pack folder without throwing', async () => {
    const pack = await loadPack(join(tmpdir(), 'zoneguard-no-such-pack'));
    expect(pack.rules).toEqual([]);
    expect(pack.diagnostics.map((diagnostic) => diagnostic.code)).toContain('file-unreadable');
  });
});
