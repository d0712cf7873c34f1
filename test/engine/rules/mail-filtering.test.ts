import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

const MAIL = `mail:
  spamFiltering: true
  contentFiltering: true
  senderAuthentication: [strong-password, digital-signature]
  blockedAttachments: [.exe, .com, .scr, .pif, .bat, .cmd, .vbs]`;

describe('mail-filtering', () => {
  it('passes a filtering mail system', async () => {
    expect(await runDesign('mail-filtering', designText(MAIL))).toEqual([]);
  });

  it('stays silent on Terraform', async () => {
    const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: ['mail-filtering'] });
    expect(findings).toEqual([]);
  });

  const invalid = [
    { name: 'no spam filter', top: MAIL.replace('spamFiltering: true', 'spamFiltering: false'), expected: [['missing', 'spamFiltering:']], data: { field: 'spamFiltering', value: 'false' } },
    { name: 'senders not authenticated', top: MAIL.replace('[strong-password, digital-signature]', '[spf]'), expected: [['no-sender-authentication', 'senderAuthentication:']], data: { methods: 'spf' } },
    { name: 'scripts let through', top: MAIL.replace(', .bat, .cmd, .vbs', ''), expected: [['attachments-open', 'blockedAttachments:']], data: { types: '.bat .cmd .vbs' } },
    { name: 'no mail section', top: '', expected: [['no-mail', '  dc:']], data: { what: 'mail' } },
  ];
  for (const { name, top, expected, data } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      const findings = await runDesign('mail-filtering', text);
      expect(summary(findings)).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
      expect(findings[0]?.data).toMatchObject(data);
    });
  }

  it('says the attachment list is zoneguard\'s default', async () => {
    const findings = await runDesign('mail-filtering', designText(MAIL.replace(', .vbs', '')));
    expect(findings[0]?.restsOn).toEqual(['blockedAttachments']);
  });
});
