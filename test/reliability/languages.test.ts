import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadPack } from '../../src/engine/pack/index.ts';
import type { LocalizedText } from '../../src/engine/types.ts';
import { memoryIo } from '../cli/memory-io.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/terraform/', import.meta.url));
const NONCOMPLIANT = `${EXAMPLES}portal-noncompliant`;
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

async function scanText(args: string[], env: Record<string, string> = {}): Promise<string> {
  const io = memoryIo(EXAMPLES, { env });
  await main(['scan', ...args, NONCOMPLIANT], io);
  return io.out();
}

describe('report language', () => {
  it('prints Vietnamese labels, messages and remediation with --lang vi', async () => {
    const out = await scanText(['--lang', 'vi']);
    expect(out).toContain('Khắc phục:');
    expect(out).toMatch(/ CAO {2}internet-ingress-dmz-only /);
    expect(out).toContain('truy cập từ bên ngoài chỉ được vào các dịch vụ được công bố của vùng DMZ');
    expect(out).toMatch(/\d+ phát hiện/);
    expect(out).not.toContain('Fix:');
    expect(out).not.toContain(' HIGH ');
  });

  it('takes Vietnamese from the locale, and --lang wins over it', async () => {
    expect(await scanText([], { LANG: 'vi_VN.UTF-8' })).toContain('Khắc phục:');
    expect(await scanText([], { LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toContain('Fix:');
    expect(await scanText(['--lang', 'en'], { LANG: 'vi_VN.UTF-8' })).toContain('Fix:');
    expect(await scanText([], {})).toContain('Fix:');
  });

  it('keeps SARIF messages in English and adds the Vietnamese as a property', async () => {
    const io = memoryIo(EXAMPLES);
    await main(['scan', '--lang', 'vi', '--format', 'sarif', NONCOMPLIANT], io);
    const run = JSON.parse(io.out()).runs[0];
    const result = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'internet-ingress-dmz-only');
    expect(result.message.text).toContain('traffic from outside may reach only the published services of the DMZ');
    expect(result.properties.messageVi).toContain('truy cập từ bên ngoài chỉ được vào các dịch vụ được công bố của vùng DMZ');
    const rule = run.tool.driver.rules.find((entry: { id: string }) => entry.id === 'internet-ingress-dmz-only');
    expect(rule.properties.titleVi).toMatch(VIETNAMESE_LETTERS);
  });
});

/**
 * test/engine/pack.test.ts checks that every text has both keys. This adds
 * what it leaves open: neither text is blank, and the Vietnamese is not the
 * English copied over.
 */
describe('every text of every rule in the pack', () => {
  it('is written out in both languages', async () => {
    const pack = await loadPack();
    expect(pack.rules.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const rule of pack.rules) {
      const texts: Array<[string, LocalizedText]> = [
        ['title', rule.title],
        ['description', rule.description],
        ['remediation', rule.remediation],
        ...Object.entries(rule.messages).map(([id, text]): [string, LocalizedText] => [`messages.${id}`, text]),
      ];
      for (const [field, text] of texts) {
        if (!text.en?.trim()) problems.push(`${rule.id} ${field}: no English`);
        if (!text.vi?.trim()) problems.push(`${rule.id} ${field}: no Vietnamese`);
        else if (text.vi.trim() === text.en?.trim()) problems.push(`${rule.id} ${field}: the Vietnamese is the English`);
      }
    }
    expect(problems).toEqual([]);
  });
});
