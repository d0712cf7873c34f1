import type { DataCopy, EnvironmentTag } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport } from './organisation/facts.ts';
import { environmentsById, isProduction } from './organisation/environments.ts';

/** A snapshot name that marks it as production data. */
const PRODUCTION_NAME = /(^|[-_.:/])(prod|production|prd)([-_.:/]|\d|$)/i;

/**
 * Test and development do not restore production data: a non-production
 * resource restored from a snapshot of a production database, or from a
 * snapshot whose name marks it as production, is a copy of sensitive data.
 */
export default defineRule({
  id: 'env-test-no-prod-data',
  check(context) {
    const tags = environmentsById(context.model);
    for (const copy of context.model.evidence?.dataCopies ?? []) {
      const target = tags.get(copy.target);
      if (target === undefined || isProduction(target.environment)) continue;
      if (fromProduction(copy, tags)) report(context, copy, target);
    }
  },
});

function fromProduction(copy: DataCopy, tags: Map<string, EnvironmentTag>): boolean {
  const source = tags.get(copy.source);
  if (source !== undefined) return isProduction(source.environment);
  return PRODUCTION_NAME.test(copy.source);
}

function report(context: RuleContext, copy: DataCopy, target: EnvironmentTag): void {
  context.report({
    ...factReport(copy, [copy.attribute]),
    status: 'fail',
    messageId: 'restores-production',
    data: { subject: copy.target, environment: target.environment, attribute: copy.attribute, source: copy.source },
    detail: `${copy.attribute}:${copy.source}`,
  });
}
