import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../../src/engine/types.ts';
import { complianceRows } from '../../../src/reporters/html/compliance.ts';
import { parseRequirements, renderHtml } from '../../../src/reporters/html/index.ts';
import { flowFinding, zoneResult } from '../diagram/zone-result.ts';
import { RULE, unknownFinding } from '../scan-result.ts';

const HOSTILE = '<script>alert("x")</script> & <img src=https://evil.example/x.png>';

function rule(id: string, articles: string[]): RuleMeta {
  return { ...RULE, id, articles };
}

/** Four rules, one for each status: a failure, an unknown, nothing to check, and a clean pass. */
function statusResult() {
  return zoneResult({
    rules: [
      rule('internet-ingress-dmz-only', ['Đ9.2.a']),
      rule('zone-firewall-between', ['Đ9.2.a']),
      rule('storage-raid', ['Đ20.4.a']),
      rule('no-default-credentials', ['Đ21.2.d']),
      rule('zone-required', ['Đ9.2.b']),
    ],
    findings: [
      flowFinding('internet-ingress-dmz-only', 'ingress[1]', { message: HOSTILE, address: 'aws_security_group.web' }),
      { ...unknownFinding(), ruleId: 'no-default-credentials', articles: ['Đ21.2.d'] },
    ],
    inventory: { sites: 2, segments: 4, firewallRules: 3, volumes: 0, credentials: 1 },
  });
}

describe('HTML report', () => {
  it('escapes text that comes from the scanned code', async () => {
    const html = await renderHtml(statusResult());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
  });

  it('loads nothing from the network', async () => {
    const html = await renderHtml(statusResult());
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<[^>]*\b(src|href)\s*=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('shows scan time, root, counts, diagram and matrix', async () => {
    const html = await renderHtml(statusResult(), { scannedAt: new Date('2025-01-02T03:04:05Z') });
    expect(html).toContain('<dd>2025-01-02T03:04:05.000Z</dd>');
    expect(html).toContain('<dd>/repo/infra</dd>');
    expect(html).toContain('<li class="high">High: <strong>1</strong></li>');
    expect(html).toMatch(/<figure class="diagram">\n<svg /);
    expect(html).toContain('<tr class="violation"><td>aws_vpc.portal[&quot;a&lt;b&gt;|\\&quot;#1&quot;]</td><td>internet</td><td>internal</td>');
  });

  it('groups findings by rule and by article', async () => {
    const html = await renderHtml(statusResult());
    expect(html).toContain('<h3><code>internet-ingress-dmz-only</code>');
    expect(html).toContain('<h3>Đ9.2.a (1)</h3>');
    expect(html).toContain('main.tf:9:5');
    expect(html).toContain('route 0.0.0.0/0 -&gt; igw aws_internet_gateway.main');
  });

  it('switches labels to Vietnamese', async () => {
    const html = await renderHtml({ ...statusResult(), language: 'vi' });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Ma trận luồng truy cập giữa các vùng');
    expect(html).toContain('không đạt');
  });
});

describe('compliance matrix', () => {
  it('decides each article from the rules that cite it', () => {
    const rows = complianceRows(statusResult());
    const status = Object.fromEntries(rows.map((row) => [row.id, row.status]));
    expect(status).toEqual({
      'Đ9.2.a': 'fail',
      'Đ9.2.b': 'pass',
      'Đ20.4.a': 'not-applicable',
      'Đ21.2.d': 'not-evidenced',
    });
  });

  it('orders articles by number', () => {
    expect(complianceRows(statusResult()).map((row) => row.id)).toEqual(['Đ9.2.a', 'Đ9.2.b', 'Đ20.4.a', 'Đ21.2.d']);
  });

  it('keeps the evidence that decided each row', () => {
    const rows = complianceRows(statusResult());
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('Đ9.2.a')!.findings.map((f) => f.ruleId)).toEqual(['internet-ingress-dmz-only']);
    expect(byId.get('Đ20.4.a')!.notes).toEqual([{ kind: 'nothing-to-check', ruleId: 'storage-raid', collection: 'volumes' }]);
    expect(byId.get('Đ9.2.b')!.notes).toEqual([{ kind: 'checked', ruleId: 'zone-required', collection: 'sites', count: 2 }]);
    expect(byId.get('Đ21.2.d')!.findings.map((f) => f.status)).toEqual(['unknown']);
  });

  it('uses a requirement list when given', () => {
    const requirements = parseRequirements(
      [
        'requirements:',
        '  - id: storage-raid',
        '    articles: [Đ20.4.a]',
        '    title: { en: Disks use RAID, vi: Ổ đĩa dùng RAID }',
        '  - id: backup-media-safe',
        '    articles: Đ20.4.a',
      ].join('\n'),
      'articles.yaml',
    );
    const rows = complianceRows(statusResult(), requirements);
    expect(rows.map((row) => [row.id, row.status, row.title])).toEqual([
      ['storage-raid', 'not-applicable', 'Disks use RAID'],
      ['backup-media-safe', 'not-evidenced', undefined],
    ]);
    expect(rows[1]!.notes).toEqual([{ kind: 'not-in-pack', ruleId: 'backup-media-safe' }]);
  });

  it('rejects a requirement without an id', () => {
    expect(() => parseRequirements('- articles: [Đ9.2.a]', 'articles.yaml')).toThrow('articles.yaml entry 1 has no "id".');
  });
});
