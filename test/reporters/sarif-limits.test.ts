import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.ts';
import { MAX_GZIP_BYTES, renderSarif } from '../../src/reporters/sarif.ts';
import { limitMessage, MAX_MESSAGE_BYTES, MAX_RELATED_LOCATIONS } from '../../src/reporters/sarif-text.ts';
import { failFinding, ROOT, scanResult } from './scan-result.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A message that names many segments, like a finding about a flow from every wireless subnet. */
function longMessage(segments: number): string {
  const names = Array.from({ length: segments }, (_, i) => `module.site_${i}.aws_subnet.s0_wifi`);
  return `The wireless segments ${names.join(', ')} can reach tcp/443 on aws_instance.app in the internal zone.`;
}

describe('sarif result size limits', () => {
  it('keeps a short message as it is', () => {
    expect(limitMessage('The internet can reach tcp/22.')).toBe('The internet can reach tcp/22.');
  });

  it('cuts a long message at a word boundary and says so', () => {
    const text = longMessage(5_000);
    const limited = limitMessage(text);
    expect(bytes(limited)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(limited).toMatch(/aws_subnet\.s0_wifi … \(shortened from \d+ characters; run zoneguard with --format json/);
    const kept = limited.slice(0, limited.indexOf(' …'));
    expect(text.startsWith(kept)).toBe(true);
  });

  it('counts bytes, not characters, in a Vietnamese message', () => {
    const text = 'Phân đoạn mạng không dây truy cập được vùng nội bộ. '.repeat(1_000);
    const limited = limitMessage(text);
    expect(bytes(limited)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    const kept = limited.slice(0, limited.indexOf(' … (shortened'));
    expect(kept.length).toBeGreaterThan(2_000);
    // The cut falls between words: the original text goes on with a space.
    expect(text.slice(0, kept.length + 1)).toBe(`${kept} `);
  });

  it('renders a large result with huge messages within the limits', () => {
    const message = longMessage(20_000);
    const related = Array.from({ length: 3_000 }, (_, i) => ({
      location: { file: `${ROOT}/site_${i}.tf`, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 } },
      message: `Segment module.site_${i}.aws_subnet.s0_wifi`,
    }));
    const findings: Finding[] = Array.from({ length: 300 }, (_, i) =>
      failFinding({ fingerprint: `fp-${i}`, english: { title: 't', message, remediation: 'r' }, related }),
    );
    const text = renderSarif(scanResult({ findings }));
    expect(gzipSync(text).length).toBeLessThan(MAX_GZIP_BYTES);
    const results = JSON.parse(text).runs[0].results;
    expect(results).toHaveLength(300);
    for (const result of results) {
      expect(bytes(result.message.text)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      expect(result.relatedLocations).toHaveLength(MAX_RELATED_LOCATIONS);
    }
  });
});
