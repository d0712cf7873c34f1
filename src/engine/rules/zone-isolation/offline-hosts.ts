import { indexModel, type ModelIndex } from '../../../analysis/reachability/model-index.ts';
import type { Flow } from '../../../analysis/reachability/types.ts';
import { locate } from '../../../model/location.ts';
import type { Host, RouteTargetKind } from '../../../model/types.ts';
import { Unknown, isUnknown } from '../../../model/unknown.ts';
import type { RuleContext, RuleMeta, RuleReport } from '../../types.ts';
import { describeRoute, GATEWAY_TARGETS, internetAccessOf } from './internet-access.ts';

/**
 * Any route that takes public addresses away from the segment counts, the
 * relays of a NAT or proxy instance included: these hosts get no Internet
 * path at all, not even through the proxy.
 */
const ANY_INTERNET_TARGET: ReadonlySet<RouteTargetKind> = new Set([...GATEWAY_TARGETS, 'instance', 'network-interface']);

/** A tag name and the values that mark a host, read from a rule parameter. */
export interface MarkingTag {
  name: string;
  values: string[];
}

/** One way a marked host reaches the Internet, with the location that opens it. */
interface InternetPath {
  text: string;
  location: RuleReport['location'];
}

/** Reads a `{ name, values }` tag parameter; throws a TypeError naming the rule when it is malformed. */
export function markingTagParameter(meta: RuleMeta, parameter: string): MarkingTag {
  const value = meta.parameters[parameter] as { name?: unknown; values?: unknown } | undefined;
  const values = Array.isArray(value?.values) ? value.values.map(String) : undefined;
  if (typeof value?.name !== 'string' || values === undefined) {
    throw new TypeError(`Parameter ${parameter} of rule ${meta.id} must be { name, values }; fix it in .zoneguard.yml or the pack.`);
  }
  return { name: value.name, values };
}

/** The value of the marking tag when the host carries it with a marking value (case-insensitive). */
export function markOf(host: Host, tag: MarkingTag): string | undefined {
  const entry = Object.entries(host.tags).find(([name]) => name.toLowerCase() === tag.name.toLowerCase());
  if (entry === undefined) return undefined;
  const wanted = tag.values.map((value) => value.toLowerCase());
  return wanted.includes(entry[1].toLowerCase()) ? `${entry[0]} = "${entry[1]}"` : undefined;
}

/**
 * Reports each marked host that has an Internet path: a public address, a
 * route of its segment to the Internet (through a gateway, NAT or proxy
 * instance), or a firewall rule that lets it reach the internet-access zone.
 * A host whose segment or routing the code does not show is reported as not
 * evaluated.
 */
export function checkOfflineHosts(context: RuleContext, parameter: string): void {
  const tag = markingTagParameter(context.meta, parameter);
  const index = indexModel(context.model);
  for (const host of context.model.hosts) {
    const mark = markOf(host, tag);
    if (mark === undefined) continue;
    const { paths, unknown } = internetPathsOf(context, index, host);
    if (paths.length > 0) reportPaths(context, host, mark, paths, parameter);
    else if (unknown !== undefined) reportUndecided(context, host, mark, unknown, parameter);
  }
}

function internetPathsOf(context: RuleContext, index: ModelIndex, host: Host): { paths: InternetPath[]; unknown?: Unknown } {
  const paths: InternetPath[] = [];
  let unknown: Unknown | undefined = host.segmentUnknown;
  if (host.publicAddress === true) paths.push({ text: 'a public address', location: locate(host.origin, 'associate_public_ip_address') });
  for (const segmentId of host.segmentIds) {
    const segment = index.segmentsById.get(segmentId);
    if (segment === undefined) continue;
    const access = internetAccessOf(index, segment, ANY_INTERNET_TARGET);
    if (access.status === 'open') {
      paths.push({ text: `route ${describeRoute(access.table, access.route)} for ${segment.id}`, location: locate(access.route.origin, access.route.path || undefined) });
    } else if (access.status === 'unknown') unknown ??= access.unknown;
  }
  paths.push(...proxyPaths(context, host));
  if (isUnknown(host.publicAddress)) unknown ??= host.publicAddress;
  return unknown === undefined ? { paths } : { paths, unknown };
}

/** Flows from the host's segments into the internet-access zone: the way to the proxy. */
function proxyPaths(context: RuleContext, host: Host): InternetPath[] {
  const segments = new Set(host.segmentIds);
  const toProxy = (flow: Flow) => flow.targetZone === 'internet-access' && flow.source.kind === 'zone' && flow.source.segmentIds.some((id) => segments.has(id));
  const rules = new Map(context.model.firewallSets.flatMap((set) => set.rules).map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  return context.reachability.flows.filter(toProxy).flatMap((flow) => {
    const rule = rules.get(flow.ruleId);
    if (rule === undefined || seen.has(rule.id)) return [];
    seen.add(rule.id);
    const name = rule.path === '' ? rule.origin.address : `${rule.origin.address} ${rule.path}`;
    return [{ text: `${name}, which admits it into the internet-access zone`, location: locate(rule.origin, rule.path || undefined) }];
  });
}

function reportPaths(context: RuleContext, host: Host, mark: string, paths: InternetPath[], parameter: string): void {
  context.report({
    status: 'fail',
    messageId: 'internet-path',
    data: { host: host.id, mark, paths: paths.map((path) => path.text).join('; ') },
    address: host.origin.address,
    origin: host.origin,
    subjectId: host.id,
    location: markLocation(host),
    detail: `internet:${paths.map((path) => path.text).join('|')}`,
    related: paths.flatMap((path) => (path.location === undefined ? [] : [{ location: path.location, message: `Internet path: ${path.text}` }])),
    restsOn: [parameter],
  });
}

function reportUndecided(context: RuleContext, host: Host, mark: string, unknown: Unknown, parameter: string): void {
  context.report({
    status: 'unknown',
    messageId: 'internet-unknown',
    data: { host: host.id, mark, expression: unknown.origin, reason: unknown.reason },
    address: host.origin.address,
    origin: host.origin,
    subjectId: host.id,
    location: markLocation(host),
    detail: `internet-unknown:${unknown.origin}`,
    unknown,
    restsOn: [parameter],
  });
}

/** Points at the tags that mark the host. */
function markLocation(host: Host): RuleReport['location'] {
  return locate(host.origin, 'tags');
}
