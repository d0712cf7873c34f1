import { describe, expect, it } from 'vitest';
import { FULL_BACKUP } from './design-facts/backup-text.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

describe('backup-access-controlled', () => {
  it('passes a private store granted to a role', async () => {
    expect(await runDesign('backup-access-controlled', designText(FULL_BACKUP))).toEqual([]);
  });

  const invalid = [
    { name: 'a public store', store: '{ publicAccess: true, accessRoles: [backup-operators] }', expected: [['public', 'tapes:']] },
    { name: 'a store with no roles', store: '{ publicAccess: false, accessRoles: [] }', expected: [['not-restricted', 'tapes:']] },
    { name: 'a store that records no roles', store: '{ publicAccess: false }', expected: [['not-restricted', 'tapes:']] },
  ];
  for (const { name, store, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(`backup:\n  stores:\n    tapes: ${store}`);
      const findings = await runDesign('backup-access-controlled', text);
      expect(summary(findings, ['store'])).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!), 'tapes']));
    });
  }
});
