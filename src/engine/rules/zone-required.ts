import type { SourceLocation } from '../../model/location.ts';
import { ZONE_KINDS } from '../../model/types.ts';
import type { InfrastructureModel, Site, SiteProfile, ZoneKind } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import { isInternetRoute } from './zone-required/internet-route.ts';
import { profileOf } from './zone-required/profile.ts';

/** Zone kinds of the portal profile before the internet-access zone is added. */
const PORTAL_ZONES: ZoneKind[] = ['dmz', 'internal', 'management'];

/**
 * Each site must contain the zone kinds of its profile: `datacenter` all seven,
 * `portal` dmz, internal and management, plus internet-access when the site
 * routes traffic to the Internet.
 */
export default defineRule({
  id: 'zone-required',
  check(context) {
    const { model, meta } = context;
    for (const site of model.sites) {
      const profile = profileOf(site, meta.parameters);
      const required = requiredZones(profile.profile, site, model);
      const present = presentZones(site, model);
      const missing = required.filter((zone) => !present.includes(zone));
      if (missing.length === 0) continue;
      context.report({
        status: 'fail',
        messageId: present.length === 0 ? 'no-zones' : 'missing-zones',
        data: {
          site: site.id,
          profile: profile.profile,
          missing: missing.join(', '),
          present: present.join(', '),
        },
        address: site.id,
        origin: site.origin,
        location: siteLocation(site, model),
        detail: `${profile.profile}:${missing.join(',')}`,
        restsOn: profile.fromDefault ? ['defaultProfile'] : [],
      });
    }
  },
});

function requiredZones(profile: SiteProfile, site: Site, model: InfrastructureModel): ZoneKind[] {
  if (profile === 'datacenter') return [...ZONE_KINDS];
  const routesOut = model.routeTables
    .filter((table) => table.siteId === site.id)
    .some((table) => table.routes.some(isInternetRoute));
  return routesOut ? [...PORTAL_ZONES, 'internet-access'] : PORTAL_ZONES;
}

/** Zone kinds of the site's segments, in the regulation's order. */
function presentZones(site: Site, model: InfrastructureModel): ZoneKind[] {
  const zones = new Set(
    model.segments.filter((segment) => segment.siteId === site.id).map((s) => s.zone.zone),
  );
  return ZONE_KINDS.filter((zone) => zones.has(zone));
}

/**
 * Returns where a site finding points: the site's block, or the first of its
 * segments for a site that only a literal id names (`vpc-1`, defined outside
 * the scanned code).
 */
function siteLocation(site: Site, model: InfrastructureModel): SourceLocation {
  if (site.origin.address !== site.id || site.id.includes('.')) return site.origin.location;
  const first = model.segments
    .filter((segment) => segment.siteId === site.id)
    .map((segment) => segment.origin.location)
    .sort(compareLocations)[0];
  return first ?? site.origin.location;
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.range?.startLine ?? 0) - (b.range?.startLine ?? 0);
}
