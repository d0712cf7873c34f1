import type { Language, Severity } from '../../engine/types.ts';

export interface ZoneguardAspectOptions {
  /**
   * Findings at or above this severity become error annotations, which make
   * `cdktf synth` fail; lower ones become warnings. Defaults to the config's
   * `severityThreshold`, else `high`, as for `zoneguard scan`.
   */
  severityThreshold?: Severity;
  /** The config file, relative to the app's folder; by default `.zoneguard.yml` is searched from there upward. */
  configFile?: string;
  /** The language of the messages; English by default. */
  language?: Language;
  /** Also fail on results that cannot be evaluated until apply. */
  failOnUnknown?: boolean;
}
