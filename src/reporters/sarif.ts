import { gzipSync } from 'node:zlib';
import { isInputFailure, type Diagnostic } from '../diagnostics.ts';
import type { ScanResult } from '../engine/result.ts';
import type { Finding, RuleMeta } from '../engine/types.ts';
import { rootUri, sarifLocation, SOURCE_ROOT } from './sarif-location.ts';
import {
  descriptorFromFinding,
  ruleDescriptor,
  sarifLevel,
  vietnameseMessage,
} from './sarif-rules.ts';
import { firstOf, limitMessage, MAX_FLOW_LOCATIONS, MAX_RELATED_LOCATIONS } from './sarif-text.ts';
import { severityRank } from './summary.ts';

/** GitHub code scanning rejects a run with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub code scanning rejects an upload whose gzip-compressed size reaches this. */
export const MAX_GZIP_BYTES = 10 * 1024 * 1024;

// NOTE: replace with the project's public home page once it has one.
export const INFORMATION_URI = 'https://github.com/zoneguard/zoneguard';

export interface SarifOptions {
  maxResults?: number;
  maxGzipBytes?: number;
  /** Findings kept first when the cap applies, such as those in a pull request's diff. */
  preferred?: (finding: Finding) => boolean;
}

/** Renders the scan as a SARIF 2.1.0 log with one run. */
export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  const maxGzip = options.maxGzipBytes ?? MAX_GZIP_BYTES;
  const ranked = rankFindings(result.findings, options.preferred);
  let kept = Math.min(ranked.length, options.maxResults ?? MAX_RESULTS_PER_RUN);
  for (;;) {
    const text = serialise(buildSarifLog(result, ranked.slice(0, kept), ranked.length - kept));
    // Halving converges fast and keeps the most important results.
    if (kept === 0 || (text !== undefined && gzipSync(text).length < maxGzip)) return `${text ?? ''}\n`;
    kept = Math.floor(kept / 2);
  }
}

/** Serialises the log, or returns undefined when it is longer than the longest string V8 allows. */
function serialise(log: ReturnType<typeof buildSarifLog>): string | undefined {
  try {
    return JSON.stringify(log);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

export function buildSarifLog(result: ScanResult, findings: Finding[], leftOut: number) {
  const rules = ruleTable(result.rules, result.findings);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zoneguard',
            version: result.toolVersion,
            semanticVersion: result.toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.descriptors,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: rootUri(result.root) } },
        columnKind: 'utf16CodeUnits',
        invocations: [invocation(result, leftOut)],
        results: findings.map((finding) => sarifResult(result, finding, rules)),
      },
    ],
  };
}

interface RuleTable {
  descriptors: Array<Record<string, unknown>>;
  indexById: Map<string, number>;
  metaById: Map<string, RuleMeta>;
}

/** Indexes every rule that ran, then any rule a finding names that the result has no metadata for. */
function ruleTable(metas: RuleMeta[], findings: Finding[]): RuleTable {
  const table: RuleTable = { descriptors: [], indexById: new Map(), metaById: new Map() };
  for (const meta of metas) {
    if (table.indexById.has(meta.id)) continue;
    table.indexById.set(meta.id, table.descriptors.length);
    table.metaById.set(meta.id, meta);
    table.descriptors.push(ruleDescriptor(meta));
  }
  for (const finding of findings) {
    if (table.indexById.has(finding.ruleId)) continue;
    table.indexById.set(finding.ruleId, table.descriptors.length);
    table.descriptors.push(descriptorFromFinding(finding));
  }
  return table;
}

/** Preferred first, then failures before unknowns, then most severe; stable otherwise. */
function rankFindings(findings: Finding[], preferred?: (finding: Finding) => boolean): Finding[] {
  const score = (finding: Finding) =>
    (preferred?.(finding) ? 0 : 100) +
    (finding.status === 'fail' ? 0 : 10) +
    severityRank(finding.severity);
  return findings
    .map((finding, index) => ({ finding, index, score: score(finding) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.finding);
}

function sarifResult(result: ScanResult, finding: Finding, rules: RuleTable) {
  const root = result.root;
  const messageVi = vietnameseMessage(finding, result.language, rules.metaById.get(finding.ruleId));
  return {
    ruleId: finding.ruleId,
    ruleIndex: rules.indexById.get(finding.ruleId),
    // An unknown result is for review; SARIF requires level `none` for any kind but `fail`.
    kind: finding.status === 'fail' ? 'fail' : 'review',
    level: finding.status === 'fail' ? sarifLevel(finding.severity) : 'none',
    message: { text: limitMessage(finding.english.message) },
    locations: [sarifLocation(root, finding.location)],
    ...(finding.related.length > 0
      ? {
          relatedLocations: firstOf(finding.related, MAX_RELATED_LOCATIONS).map((related, index) => ({
            id: index + 1,
            ...sarifLocation(root, related.location, limitMessage(related.message)),
          })),
        }
      : {}),
    partialFingerprints: { 'zoneguard/v1': finding.fingerprint },
    ...(finding.evidence.length > 0 ? { codeFlows: [codeFlow(root, finding)] } : {}),
    ...(finding.suppression ? { suppressions: [sarifSuppression(root, finding)] } : {}),
    properties: {
      severity: finding.severity,
      articles: finding.articles,
      address: finding.address,
      ...(messageVi !== undefined ? { messageVi: limitMessage(messageVi) } : {}),
      ...(finding.constructPath ? { constructPath: finding.constructPath } : {}),
      ...(finding.restsOn.length > 0 ? { restsOn: finding.restsOn } : {}),
      ...(finding.unknown
        ? { unknown: { origin: finding.unknown.origin, reason: finding.unknown.reason } }
        : {}),
    },
  };
}

function codeFlow(root: string, finding: Finding) {
  const locations = firstOf(finding.evidence, MAX_FLOW_LOCATIONS).map((step) => ({
    location: sarifLocation(root, step.location, limitMessage(step.text)),
  }));
  return { threadFlows: [{ locations }] };
}

function sarifSuppression(root: string, finding: Finding) {
  const suppression = finding.suppression!;
  return {
    kind: suppression.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: suppression.reason,
    ...(suppression.location ? { location: sarifLocation(root, suppression.location) } : {}),
    properties: {
      source: suppression.kind,
      ...(suppression.approver ? { approver: suppression.approver } : {}),
      ...(suppression.expires ? { expires: suppression.expires } : {}),
    },
  };
}

function invocation(result: ScanResult, leftOut: number) {
  const notifications: Array<Record<string, unknown>> = result.diagnostics.map((d) =>
    notification(result.root, d),
  );
  if (leftOut > 0) {
    notifications.push({
      level: 'warning',
      message: {
        text:
          `${leftOut} results were left out because a SARIF run may hold at most ` +
          `${MAX_RESULTS_PER_RUN} results and stay under 10 MB compressed. ` +
          'Run zoneguard with --format json to see every result.',
      },
      descriptor: { id: 'results-truncated' },
    });
  }
  return {
    executionSuccessful: !result.diagnostics.some(isInputFailure),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

function notification(root: string, diagnostic: Diagnostic) {
  const level = diagnostic.severity === 'info' ? 'note' : diagnostic.severity;
  const text = diagnostic.hint ? `${diagnostic.message} ${diagnostic.hint}` : diagnostic.message;
  return {
    level,
    message: { text },
    descriptor: { id: diagnostic.code },
    ...(diagnostic.location ? { locations: [sarifLocation(root, diagnostic.location)] } : {}),
    ...(diagnostic.subject ? { properties: { subject: diagnostic.subject } } : {}),
  };
}
