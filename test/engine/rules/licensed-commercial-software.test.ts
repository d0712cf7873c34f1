import { describe, expect, it } from 'vitest';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

describe('licensed-commercial-software', () => {
  const valid = [
    { name: 'a licensed commercial product', top: 'licences:\n  - { product: RHEL, commercial: true, licence: RH-2025-001 }' },
    { name: 'open-source software without a key', top: 'licences:\n  - { product: PostgreSQL, commercial: false }' },
  ];
  for (const { name, top } of valid) {
    it(`passes ${name}`, async () => {
      expect(await runDesign('licensed-commercial-software', designText(top))).toEqual([]);
    });
  }

  const invalid = [
    { name: 'a commercial product without a licence', top: 'licences:\n  - { product: Windows Server, commercial: true }', expected: [['no-licence', 'Windows Server']] },
    { name: 'no licence records', top: '', expected: [['not-recorded', '  dc:']] },
  ];
  for (const { name, top, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      expect(summary(await runDesign('licensed-commercial-software', text))).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
    });
  }
});
