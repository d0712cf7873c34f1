import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ARTICLES_FILE, DEFAULT_PACK_DIR, PACK_FILE } from '../../src/engine/pack/load.ts';
import { listRuleModules, loadRulePack } from '../../src/engine/registry.ts';
import type { Rule } from '../../src/engine/types.ts';

describe('rule registry', () => {
  it('gives every rule module an id equal to its file name', async () => {
    for (const id of await listRuleModules()) {
      const module = (await import(`../../src/engine/rules/${id}.ts`)) as { default: Rule };
      expect(module.default.id, `src/engine/rules/${id}.ts`).toBe(id);
      expect(typeof module.default.check).toBe('function');
    }
  });

  it('pairs every pack entry with a module and back', async () => {
    const entries = (await readdir(DEFAULT_PACK_DIR))
      .filter((name) => name.endsWith('.yaml') && name !== PACK_FILE && name !== ARTICLES_FILE)
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
    expect(await listRuleModules()).toEqual(entries);
  });

  it('loads the built-in pack without registry problems', async () => {
    const pack = await loadRulePack();
    expect(pack.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
    expect(pack.rules.map((entry) => entry.meta.id)).toEqual(await listRuleModules());
  });
});
