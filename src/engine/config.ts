import type { SiteProfile, ZoneKind } from '../model/types.ts';
import type { Severity } from './types.ts';

/**
 * The settings of `.zoneguard.yml`, after schema validation. Every field is
 * optional; `resolveConfig` fills the defaults.
 */
export interface ZoneguardConfig {
  /** Profile per site, by site name or address glob; `default` applies to the rest. */
  profiles?: { default?: SiteProfile; sites?: Record<string, SiteProfile> };
  zones?: {
    /** Segment name patterns (globs, case-insensitive) mapped to zones. */
    names?: Array<{ pattern: string; zone: ZoneKind }>;
    /** CIDR ranges mapped to zones; a segment inside one gets that zone. */
    cidrs?: Array<{ cidr: string; zone: ZoneKind }>;
    /** Explicit zones by segment address, overriding everything else. */
    segments?: Record<string, ZoneKind>;
    /** Turn off the built-in name heuristics. */
    nameHeuristics?: boolean;
  };
  rules?: Record<
    string,
    {
      severity?: Severity;
      parameters?: Record<string, unknown>;
      /** Skip the rule entirely; the reason is required and is reported. */
      skip?: { reason: string };
    }
  >;
  /** Findings at or above this severity make the scan exit 1. */
  severityThreshold?: Severity;
  /** Count "could not evaluate" results as failures. */
  failOnUnknown?: boolean;
  /** Suppressions kept centrally; the only kind a `centralSuppressionOnly` rule accepts. */
  waivers?: ConfigWaiver[];
}

/** A config suppression: at least one of `rule`, `address`, `path`, and a reason. */
export interface ConfigWaiver {
  /** Rule id; absent means every rule. */
  rule?: string;
  /** Resource address glob (`*` any run of characters, `?` one). */
  address?: string;
  /** File path glob relative to the config file's folder. */
  path?: string;
  reason: string;
  approver?: string;
  /** Last day the waiver holds, `YYYY-MM-DD`. */
  expires?: string;
}
