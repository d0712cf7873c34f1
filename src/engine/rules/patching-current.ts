import type { SoftwareVersion } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { factReport, knownField } from './organisation/facts.ts';
import { environmentsById, isProduction } from './organisation/environments.ts';
import { endOfLife } from './patching/end-of-life.ts';

/**
 * Systems run versions their vendor still supports, and patches are tested
 * before production. A production database that upgrades itself counts as
 * tested only when a non-production database of the same product exists to
 * receive the same upgrades first.
 */
export default defineRule({
  id: 'patching-current',
  check(context) {
    const versions = context.model.evidence?.softwareVersions ?? [];
    const now = (context.now ?? new Date()).toISOString().slice(0, 10);
    for (const entry of versions) checkVersion(context, entry, now);
    checkUpgradeStages(context, versions);
  },
});

function checkVersion(context: RuleContext, entry: SoftwareVersion, today: string): void {
  const version = knownField(context, entry, { paths: ['engine_version', 'version'], value: entry.version });
  if (version === undefined) return;
  const date = endOfLife(entry.product, version);
  if (date === undefined || date > today) return;
  context.report({
    ...factReport(entry, ['engine_version', 'version']),
    status: 'fail',
    messageId: 'end-of-life',
    data: { subject: entry.subject, product: entry.product, version, date },
    detail: `eol:${entry.product}:${version}`,
  });
}

function checkUpgradeStages(context: RuleContext, versions: SoftwareVersion[]): void {
  const tags = environmentsById(context.model);
  const staged = new Set(
    versions.filter((entry) => { const tag = tags.get(entry.subject); return tag !== undefined && !isProduction(tag.environment); }).map((entry) => entry.product),
  );
  for (const entry of versions) {
    const tag = tags.get(entry.subject);
    if (tag === undefined || !isProduction(tag.environment) || entry.autoUpgrade !== true || staged.has(entry.product)) continue;
    context.report({
      ...factReport(entry, ['auto_minor_version_upgrade', 'engine_version', 'autoUpgrade']),
      status: 'fail',
      messageId: 'untested-upgrade',
      data: { subject: entry.subject, product: entry.product },
      detail: `untested-upgrade:${entry.product}`,
    });
  }
}
