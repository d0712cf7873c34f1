import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import type { LockoutPolicy, SessionPolicy } from '../../../evidence.ts';
import { knownStr, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * Log-on settings that scripts write on a host: sshd's idle and grace
 * settings, the shell's `TMOUT`, and `pam_faillock` lockout. Each script
 * becomes a session or lockout policy for the one host or document that
 * runs it. SSH sessions are administrators' sessions, so sshd's idle limit
 * counts for administrators; `TMOUT` counts for the operating system.
 */
interface ScriptSettings {
  sshIdleSeconds?: number;
  shellIdleSeconds?: number;
  graceSeconds?: number;
  lockoutAttempts?: number;
}

const SSHD_DEFAULT_ALIVE_COUNT = 3;

export function readScriptSettings(script: string): ScriptSettings {
  const settings: ScriptSettings = {};
  const interval = firstNumber(script, /^\s*(?:echo\s+["']?)?ClientAliveInterval\s+(\d+)/m);
  const count = firstNumber(script, /^\s*(?:echo\s+["']?)?ClientAliveCountMax\s+(\d+)/m) ?? SSHD_DEFAULT_ALIVE_COUNT;
  if (interval !== undefined && interval > 0) settings.sshIdleSeconds = interval * Math.max(count, 1);
  const shell = firstNumber(script, /\bTMOUT=(\d+)/);
  if (shell !== undefined && shell > 0) settings.shellIdleSeconds = shell;
  const grace = /LoginGraceTime\s+(\d+)([smh]?)/.exec(script);
  if (grace) settings.graceSeconds = Number(grace[1]) * ({ '': 1, s: 1, m: 60, h: 3600 }[grace[2] ?? ''] ?? 1);
  const deny = firstNumber(script, /(?:faillock|pam_tally2?)[^\n]*\bdeny\s*=\s*(\d+)/);
  if (deny !== undefined) settings.lockoutAttempts = deny;
  return settings;
}

function firstNumber(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function scriptOf(instance: ResourceInstance): string | undefined {
  const written = knownStr(instance.body, 'user_data') ?? knownStr(instance.body, 'content');
  if (written !== undefined) return /^[A-Za-z0-9+/]{16,}={0,2}$/.test(written) ? decode(written) : written;
  const encoded = knownStr(instance.body, 'user_data_base64');
  return encoded === undefined ? undefined : decode(encoded);
}

/** Launch templates take user data through `base64encode`. */
function decode(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf8');
}

function mapHostSettings(instance: ResourceInstance, context: MappingContext): void {
  const script = scriptOf(instance);
  if (script === undefined) return;
  const settings = readScriptSettings(script);
  const evidence = evidenceOf(context);
  const scriptOrigin = origin(instance);
  const systems = [instance.address];
  const session: SessionPolicy = { systems, origin: scriptOrigin };
  if (settings.sshIdleSeconds !== undefined) session.idleTimeoutAdministratorMinutes = settings.sshIdleSeconds / 60;
  if (settings.shellIdleSeconds !== undefined) session.idleTimeoutOsMinutes = settings.shellIdleSeconds / 60;
  if (settings.graceSeconds !== undefined) session.logonGraceMinutes = settings.graceSeconds / 60;
  if (Object.keys(session).length > 2) evidence.sessionPolicies.push(session);
  if (settings.lockoutAttempts !== undefined) {
    const attempts = settings.lockoutAttempts;
    const lockout: LockoutPolicy = { systems, thresholdAdministrators: attempts, thresholdUsers: attempts, origin: scriptOrigin };
    evidence.lockoutPolicies.push(lockout);
  }
}

export const hostSettingMappers: Record<string, ResourceMapper> = {
  aws_instance: mapHostSettings,
  aws_launch_template: mapHostSettings,
  aws_launch_configuration: mapHostSettings,
  aws_ssm_document: mapHostSettings,
};
