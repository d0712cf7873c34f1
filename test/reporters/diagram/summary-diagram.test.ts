import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/engine/result.ts';
import { sizeOf } from '../../../src/integrations/github/body-limits.ts';
import { summaryBody, type SummaryInput } from '../../../src/integrations/github/summary-body.ts';
import { renderMermaid } from '../../../src/reporters/diagram/index.ts';
import { ROOT } from '../scan-result.ts';
import { zoneResult } from './zone-result.ts';

function input(result: ScanResult, overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    result,
    ref: { owner: 'customs', repo: 'infra', pullNumber: 7, headSha: 'a'.repeat(40) },
    paths: { repositoryRoot: ROOT },
    detail: 'full',
    listed: result.findings,
    inlineCount: 0,
    fixed: [],
    fixedUnnamed: 0,
    notes: [],
    ...overrides,
  };
}

/** A result with many sites, so its Mermaid text is over 10,000 characters. */
function largeResult(): ScanResult {
  const base = zoneResult();
  const sites = Array.from({ length: 80 }, (_, index) => `aws_vpc.site_${String(index).padStart(2, '0')}`);
  return {
    ...base,
    zones: sites.map((site) => ({ site, segments: base.zones![0]!.segments })),
    matrix: sites.map((site) => ({ site, cells: base.matrix![0]!.cells })),
  };
}

describe('pull-request summary diagram', () => {
  it('embeds the Mermaid diagram in a details block', () => {
    const body = summaryBody(input(zoneResult()));
    expect(body).toContain(`<details><summary>Zone diagram</summary>\n\n\`\`\`mermaid\n${renderMermaid(zoneResult())}\`\`\`\n\n</details>`);
  });

  it('leaves out a diagram of 10,000 characters or more', () => {
    expect(renderMermaid(largeResult()).length).toBeGreaterThanOrEqual(10_000);
    expect(summaryBody(input(largeResult()))).not.toContain('```mermaid');
  });

  it('leaves out the diagram when details are redacted', () => {
    expect(summaryBody(input(zoneResult(), { detail: 'redacted' }))).not.toContain('```mermaid');
  });

  it('leaves out the diagram when it does not fit the body', () => {
    const limit = { characters: 2_000, bytes: 8_000 };
    const body = summaryBody(input(zoneResult(), { limit }));
    expect(body).not.toContain('```mermaid');
    expect(sizeOf(body).characters).toBeLessThanOrEqual(limit.characters);
  });

  it('has no diagram without sites', () => {
    expect(summaryBody(input(zoneResult({ zones: [], matrix: [] })))).not.toContain('Zone diagram');
  });
});
