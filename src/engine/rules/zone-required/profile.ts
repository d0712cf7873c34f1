import type { Site, SiteProfile } from '../../../model/types.ts';

const PROFILES: readonly SiteProfile[] = ['datacenter', 'portal'];

export interface ResolvedProfile {
  profile: SiteProfile;
  /** True when the profile is the `defaultProfile` parameter rather than a site entry. */
  fromDefault: boolean;
}

/** Site tags that name the profile in code, so the site carries its own requirement. */
const PROFILE_TAGS = ['Profile', 'profile', 'ZoneProfile', 'zoneguard:profile'];

/**
 * Returns the profile of a site: the first `siteProfiles` entry whose key matches the
 * site's name or address (globs with `*` and `?`, case-insensitive), else a
 * profile tag on the site (`Profile = "datacenter"`), else `defaultProfile`.
 * The config wins over the tag, so a security team can correct a site.
 */
export function profileOf(site: Site, parameters: Record<string, unknown>): ResolvedProfile {
  const siteProfiles = (parameters['siteProfiles'] ?? {}) as Record<string, unknown>;
  for (const [pattern, profile] of Object.entries(siteProfiles)) {
    const matcher = globToRegExp(pattern);
    if (matcher.test(site.name) || matcher.test(site.id)) {
      return { profile: checkedProfile(profile, `siteProfiles.${pattern}`), fromDefault: false };
    }
  }
  const tagged = profileTag(site);
  if (tagged !== undefined) return { profile: tagged, fromDefault: false };
  return {
    profile: checkedProfile(parameters['defaultProfile'], 'defaultProfile'),
    fromDefault: true,
  };
}

function profileTag(site: Site): SiteProfile | undefined {
  for (const tag of PROFILE_TAGS) {
    const value = site.tags[tag]?.trim().toLowerCase();
    if (PROFILES.includes(value as SiteProfile)) return value as SiteProfile;
  }
  return undefined;
}

function checkedProfile(value: unknown, parameter: string): SiteProfile {
  if (PROFILES.includes(value as SiteProfile)) return value as SiteProfile;
  // The config schema should have caught this; the engine turns the throw into a rule-error.
  throw new Error(`parameter ${parameter} is \`${String(value)}\`, not one of ${PROFILES.join(', ')}`);
}

function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((character) => {
      if (character === '*') return '.*';
      if (character === '?') return '.';
      return character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
