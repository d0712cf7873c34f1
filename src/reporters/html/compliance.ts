import type { ScanResult } from '../../engine/result.ts';
import type { Finding, Language, RuleMeta } from '../../engine/types.ts';
import type { Requirement } from './requirements.ts';

export type ComplianceStatus = 'pass' | 'fail' | 'not-applicable' | 'not-evidenced';

/** Why a row got its status: the findings that decided it, and a sentence for the rest. */
export interface ComplianceRow {
  id: string;
  articles: string[];
  title?: string;
  rules: string[];
  status: ComplianceStatus;
  findings: Finding[];
  notes: ComplianceNote[];
}

/** A fact behind a row other than a finding; the report words it in its language. */
export type ComplianceNote =
  | { kind: 'checked'; ruleId: string; collection?: string; count?: number }
  | { kind: 'nothing-to-check'; ruleId: string; collection: string }
  | { kind: 'skipped'; ruleId: string; reason: string }
  | { kind: 'not-in-pack'; ruleId: string }
  | { kind: 'suppressed'; count: number };

/**
 * The model collection each built-in rule checks. A rule that ran with none
 * of them in the scanned code had nothing to check.
 */
const RULE_SUBJECTS: Record<string, string> = {
  'zone-required': 'sites',
  'zone-unclassified': 'segments',
  'zone-firewall-between': 'segments',
  'internet-ingress-dmz-only': 'firewallRules',
  'management-ports-from-management-zone': 'firewallRules',
  'service-insecure-protocol': 'firewallRules',
  'service-port-range-wide': 'firewallRules',
  'internet-egress-via-access-zone': 'routeTables',
  'routing-source-destination': 'hosts',
  'portal-two-tier': 'hosts',
  'portal-web-in-dmz': 'hosts',
  'portal-db-not-exposed': 'hosts',
  'no-default-credentials': 'credentials',
  'storage-raid': 'volumes',
};

/**
 * Decides each row of the compliance matrix: `fail` when a rule has an
 * unsuppressed failure, `not-evidenced` when a result is unknown or no rule
 * that ran checks the row, `not-applicable` when its rules had nothing to
 * check, else `pass`. Without a requirement list, rows are the articles the
 * pack's rules cite.
 */
export function complianceRows(result: ScanResult, requirements?: Requirement[]): ComplianceRow[] {
  const rows = requirements ?? articleRows(result.rules);
  return rows.map((row) => decideRow(row, result));
}

function articleRows(rules: RuleMeta[]): Requirement[] {
  const byArticle = new Map<string, string[]>();
  for (const rule of rules) {
    for (const article of rule.articles) byArticle.set(article, [...(byArticle.get(article) ?? []), rule.id]);
  }
  return [...byArticle.keys()]
    .sort(compareArticles)
    .map((article) => ({ id: article, articles: [article], rules: byArticle.get(article)!.sort() }));
}

function decideRow(row: Requirement, result: ScanResult): ComplianceRow {
  const title = row.title?.[result.language] ?? row.title?.en;
  const base = { id: row.id, articles: row.articles, rules: row.rules, ...(title === undefined ? {} : { title }) };
  const ran = row.rules.filter((ruleId) => result.rules.some((rule) => rule.id === ruleId));
  const active = result.findings.filter((f) => ran.includes(f.ruleId) && f.suppression === undefined);
  const failures = active.filter((finding) => finding.status === 'fail');
  if (failures.length > 0) return { ...base, status: 'fail', findings: failures, notes: [] };
  const unknown = active.filter((finding) => finding.status === 'unknown');
  if (unknown.length > 0) return { ...base, status: 'not-evidenced', findings: unknown, notes: [] };
  if (ran.length === 0) return { ...base, status: 'not-evidenced', findings: [], notes: notRunNotes(row, result) };
  const checked = ran.map((ruleId) => ({ ruleId, subjects: subjectCount(ruleId, result) }));
  if (checked.every((rule) => rule.subjects?.count === 0)) {
    const notes = checked.map((rule) => ({
      kind: 'nothing-to-check' as const,
      ruleId: rule.ruleId,
      collection: rule.subjects!.collection,
    }));
    return { ...base, status: 'not-applicable', findings: [], notes };
  }
  return { ...base, status: 'pass', findings: [], notes: checked.map(passNote).concat(suppressedNote(row, result)) };
}

/** `undefined` for a rule whose subjects are not counted (a rule this table does not know). */
function subjectCount(ruleId: string, result: ScanResult): { collection: string; count: number } | undefined {
  const collection = RULE_SUBJECTS[ruleId];
  if (collection === undefined || result.inventory === undefined) return undefined;
  return { collection, count: result.inventory[collection] ?? 0 };
}

function passNote({ ruleId, subjects }: { ruleId: string; subjects?: { collection: string; count: number } }): ComplianceNote {
  // NOTE: a rule outside RULE_SUBJECTS passes on "ran without a finding" alone, with no count shown.
  return subjects === undefined
    ? { kind: 'checked', ruleId }
    : { kind: 'checked', ruleId, collection: subjects.collection, count: subjects.count };
}

function suppressedNote(row: Requirement, result: ScanResult): ComplianceNote[] {
  const count = result.findings.filter((f) => row.rules.includes(f.ruleId) && f.suppression !== undefined).length;
  return count > 0 ? [{ kind: 'suppressed', count }] : [];
}

function notRunNotes(row: Requirement, result: ScanResult): ComplianceNote[] {
  return row.rules.map((ruleId) => {
    const skipped = result.skippedRules?.find((rule) => rule.ruleId === ruleId);
    return skipped ? { kind: 'skipped', ruleId, reason: skipped.reason } : { kind: 'not-in-pack', ruleId };
  });
}

/** Orders `Đ9.2.a` before `Đ16.1.e` by comparing the numbers as numbers. */
export function compareArticles(a: string, b: string): number {
  return a.localeCompare(b, 'vi', { numeric: true });
}
