import { describe, expect, it } from 'vitest';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

function stations(fields: string): string {
  return `designWorkstations:\n  design-pc-01: { ${fields} }`;
}

describe('design-doc-workstation', () => {
  it('passes a protected workstation', async () => {
    expect(await runDesign('design-doc-workstation', designText(stations('antimalware: true, remoteAccess: false, strongPasswords: true')))).toEqual([]);
  });

  const invalid = [
    { name: 'remote access on', fields: 'antimalware: true, remoteAccess: true, strongPasswords: true', expected: [['missing', 'design-pc-01', 'remoteAccess']] },
    { name: 'no anti-malware', fields: 'antimalware: false, remoteAccess: false, strongPasswords: true', expected: [['missing', 'design-pc-01', 'antimalware']] },
    { name: 'passwords not on record', fields: 'antimalware: true, remoteAccess: false', expected: [['not-recorded', 'design-pc-01', 'strongPasswords']] },
  ];
  for (const { name, fields, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(stations(fields));
      const findings = await runDesign('design-doc-workstation', text);
      expect(summary(findings, ['field'])).toEqual(expected.map(([id, at, field]) => [id, lineOf(text, at!), field]));
    });
  }

  it('reports a design that lists no such workstation', async () => {
    const text = designText('');
    expect(summary(await runDesign('design-doc-workstation', text))).toEqual([['not-recorded-any', lineOf(text, '  dc:')]]);
  });
});
