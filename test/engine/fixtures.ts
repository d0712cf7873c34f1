import type { Origin } from '../../src/model/location.ts';
import { emptyModel } from '../../src/model/types.ts';
import type { RegisteredRule, RulePack } from '../../src/engine/registry.ts';
import type { Rule, RuleMeta } from '../../src/engine/types.ts';
import type { RunRulesInput } from '../../src/engine/run.ts';

/** A complete rule entry for engine tests, with one message and one default parameter. */
export function sampleMeta(overrides: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id: 'sample-rule',
    title: { en: 'Close the port', vi: 'Đóng cổng' },
    articles: ['Đ9.2.a'],
    severity: 'high',
    description: { en: 'Ports are closed.', vi: 'Các cổng được đóng.' },
    remediation: { en: 'Close it.', vi: 'Hãy đóng nó.' },
    messages: {
      open: { en: '{subject} opens port {port}.', vi: '{subject} mở cổng {port}.' },
    },
    parameters: { ports: [22], limit: { low: 1, high: 2 } },
    defaultParameters: ['ports', 'limit'],
    advisory: false,
    centralSuppressionOnly: false,
    ...overrides,
  };
}

export function originAt(address: string, file: string, line: number, column = 1): Origin {
  return {
    address,
    location: {
      file,
      range: { startLine: line, startColumn: column, endLine: line + 2, endColumn: 2 },
    },
    attributes: {},
    moduleCalls: [],
  };
}

export function packOf(...entries: Array<[RuleMeta, Rule]>): RulePack {
  const rules: RegisteredRule[] = entries.map(([meta, rule]) => ({ meta, rule }));
  return { dir: '/pack', rules, diagnostics: [] };
}

export function inputFor(pack: RulePack, overrides: Partial<RunRulesInput> = {}): RunRulesInput {
  return {
    model: emptyModel(),
    reachability: { flows: [], unevaluated: [], matrix: [] },
    pack,
    language: 'en',
    ...overrides,
  };
}
