import type { Origin } from './location.ts';
import type { Known } from './unknown.ts';

/**
 * Organisational and facility facts beyond the network: identity settings,
 * audit trails, facilities, equipment support, evidence dates. Design files
 * fill them, and providers fill what infrastructure code shows (an IAM
 * password policy, a flow log, a backup vault).
 *
 * Every field is optional. An absent field means "not evidenced": a rule that
 * needs it reports the missing evidence, never a pass. A field that is present
 * but could not be evaluated is an `Unknown`.
 */

/** The origin of a fact: the design-file path or resource address, and its lines. */
export interface Fact {
  origin: Origin;
}

/** The subject a fact is about: a system, application, host or site, by its id or name. */
export type SubjectRef = string;

export type CharacterClass = 'upper' | 'lower' | 'digit' | 'special';

export interface PasswordPolicy extends Fact {
  /** The accounts the policy binds, or `all` when it makes no distinction. */
  appliesTo: 'all' | 'users' | 'administrators';
  /** Systems the policy applies to; empty means every system of the organisation. */
  systems: SubjectRef[];
  minLength?: Known<number>;
  /** Character classes the policy requires each password to contain. */
  requiredClasses?: Known<CharacterClass[]>;
  /** How many of the required classes must appear (3 of 4); absent means all of them. */
  minClassCount?: Known<number>;
  maxAgeDaysUsers?: Known<number>;
  maxAgeDaysAdministrators?: Known<number>;
  /** How many previous passwords cannot be reused; 0 allows reuse. */
  reusePreventionCount?: Known<number>;
  forbidsUserName?: Known<boolean>;
  forbidsDictionaryWords?: Known<boolean>;
  forbidsRepeatedCharacters?: Known<boolean>;
}

export interface LockoutPolicy extends Fact {
  systems: SubjectRef[];
  /** Failed attempts before an administrator account is locked. */
  thresholdAdministrators?: Known<number>;
  thresholdUsers?: Known<number>;
  /** Minutes the account stays locked; 0 means until an administrator unlocks it. */
  durationMinutes?: Known<number>;
}

export interface SessionPolicy extends Fact {
  systems: SubjectRef[];
  idleTimeoutOsMinutes?: Known<number>;
  idleTimeoutUserMinutes?: Known<number>;
  idleTimeoutAdministratorMinutes?: Known<number>;
  /** Minutes an unfinished log-on may stay open (SSH `LoginGraceTime`). */
  logonGraceMinutes?: Known<number>;
  concurrentLoginsAllowed?: Known<boolean>;
}

/** An authentication factor of a remote-access channel. */
export type AuthFactor =
  | 'password'
  | 'otp-token'
  | 'smart-card'
  | 'usb-key'
  | 'grid-card'
  | 'certificate'
  | 'ssh-key'
  | 'push'
  | 'biometric';

/** Factors that prove possession of a device (Đ16.1.a, Đ3). */
export const POSSESSION_FACTORS: readonly AuthFactor[] = [
  'otp-token',
  'smart-card',
  'usb-key',
  'grid-card',
  'certificate',
  'push',
];

export interface RemoteAccess extends Fact {
  id: string;
  kind: 'vpn' | 'bastion' | 'other';
  siteId?: string;
  encrypted?: Known<boolean>;
  /** Encryption as written: `IPsec AES-256`, `TLS 1.2`. */
  encryption?: string;
  factors?: Known<AuthFactor[]>;
  /** People or roles allowed to use it; empty means anyone with an account. */
  allowedUsers?: string[];
  /** True when only administrators named in `administrators` may use it. */
  administratorsOnly?: Known<boolean>;
}

/** A person and the systems or applications they administer. */
export interface Administrator extends Fact {
  person: string;
  systems: SubjectRef[];
}

export type AuditEvent =
  | 'authentication-success'
  | 'authentication-failure'
  | 'privilege-use'
  | 'password-change'
  | 'logon'
  | 'data-processing';

export interface AuditTrail extends Fact {
  id: string;
  events: AuditEvent[];
  /** Systems, hosts or sites the trail covers; empty means every system. */
  scope: SubjectRef[];
}

/** Flow logs or a network monitoring / NAC system. */
export interface NetworkMonitor extends Fact {
  id: string;
  kind: 'flow-log' | 'monitoring-system' | 'nac';
  /** Segment ids, zone kinds or site ids it covers. */
  covers: SubjectRef[];
  /** True when it shows connected and disconnected addresses. */
  showsConnections?: Known<boolean>;
}

export interface ApplicationMonitor extends Fact {
  id: string;
  centralised?: Known<boolean>;
  alerting?: Known<boolean>;
  /** Applications or sites it covers. */
  covers: SubjectRef[];
}

export interface MailSystem extends Fact {
  id: string;
  spamFiltering?: Known<boolean>;
  contentFiltering?: Known<boolean>;
  /** Sender authentication methods: `strong-password`, `digital-signature`, `dkim`. */
  senderAuthentication?: Known<string[]>;
  /** Attachment extensions that are blocked or scanned, lower case with the dot. */
  blockedAttachmentTypes?: Known<string[]>;
}

export interface CoolingFacts {
  units?: Known<number>;
  standbyUnits?: Known<number>;
  runs24x7?: Known<boolean>;
}

export interface PowerFacts {
  lines?: Known<number>;
  generator?: Known<boolean>;
  /** Hours the generator runs on its reserve fuel. */
  generatorFuelHours?: Known<number>;
  ups?: Known<boolean>;
  /** The date the UPS was last tested during an outage or drill, `YYYY-MM-DD`. */
  upsTested?: Known<string>;
}

export interface FireFacts {
  suppressionSystem?: Known<boolean>;
  /** Suppression agent as written: `FM-200`, `Novec 1230`, `inert gas`. */
  suppressionAgent?: string;
  extinguishers?: Known<boolean>;
}

export interface ClimateFacts {
  raisedFloor?: Known<boolean>;
  dryAndClean?: Known<boolean>;
  noDirectSunlight?: Known<boolean>;
  temperatureControlled?: Known<boolean>;
  humidityControlled?: Known<boolean>;
}

/** The server room of one site. */
export interface Facility extends Fact {
  siteId: string;
  /** `dc`, `dr`, `provincial`, `server-room`: decides which rules apply (CCTV). */
  siteRole?: string;
  dedicatedRoom?: Known<boolean>;
  accessControl?: Known<boolean>;
  cablingProtected?: Known<boolean>;
  climate?: ClimateFacts;
  power?: PowerFacts;
  fire?: FireFacts;
  grounding?: Known<boolean>;
  lightningProtection?: Known<boolean>;
  surgeProtection?: Known<boolean>;
  cooling?: CoolingFacts;
  cctv24x7?: Known<boolean>;
  cctvRecorded?: Known<boolean>;
  cctvMonitored?: Known<boolean>;
}

export interface Approval extends Fact {
  /** What was approved: `lan-design`, a site id, `organisation`. */
  subject: string;
  approver?: string;
  /** `YYYY-MM-DD`. */
  date?: Known<string>;
  /** True when the design provides redundancy (Đ9.2.b). */
  redundant?: Known<boolean>;
}

export interface FirewallDevice extends Fact {
  id: string;
  siteId?: string;
  model?: string;
  /** `ha-pair`, `spare`, `managed-multi-zone` or `none`. */
  continuity?: Known<'ha-pair' | 'spare' | 'managed-multi-zone' | 'none'>;
  /** Warranty or support contract end date, `YYYY-MM-DD`. */
  supportUntil?: Known<string>;
  version?: Known<string>;
  /** Vendor end-of-support date of the running version, `YYYY-MM-DD`. */
  endOfSupport?: Known<string>;
  lastPatch?: Known<string>;
  logging?: Known<boolean>;
}

export interface BackupStore extends Fact {
  id: string;
  siteId?: string;
  publicAccess?: Known<boolean>;
  encrypted?: Known<boolean>;
  /** Roles or people granted access; empty means not restricted. */
  accessRoles?: Known<string[]>;
}

export interface BackupFacts extends Fact {
  stores: BackupStore[];
  standbyNetwork?: Known<boolean>;
  spareEquipment?: Known<boolean>;
  highSpeedLinks?: Known<boolean>;
  capacitySufficient?: Known<boolean>;
  restoreTestSystem?: Known<boolean>;
  fireResistantMediaStorage?: Known<boolean>;
  spareStorageDevices?: Known<boolean>;
}

export interface AntimalwareAgent extends Fact {
  /** Host id, or the name of a workstation group. */
  hostId: string;
  vendor?: string;
  autoscan?: Known<boolean>;
  /** The date the agent's operation was last checked, `YYYY-MM-DD`. */
  lastCheck?: Known<string>;
  healthMonitored?: Known<boolean>;
}

export interface AntimalwareFacts {
  agents: AntimalwareAgent[];
  /** Vendors of the central solution at the DC and DR. */
  centralVendors?: Fact & { vendors: string[]; siteIds: SubjectRef[] };
}

export interface EnvironmentTag extends Fact {
  /** Host, database, cluster or segment id. */
  resourceId: string;
  environment: 'production' | 'staging' | 'test' | 'development' | string;
  domain?: string;
}

export type EvidenceDateKind =
  | 'vulnerability-assessment'
  | 'pre-go-live-scan'
  | 'access-review-administrators'
  | 'access-review-users'
  | 'continuity-test'
  | 'dr-plan-review'
  | 'maintenance-it-equipment'
  | 'maintenance-network-devices'
  | 'technical-upgrade-check'
  | 'backup-safety-assessment'
  | 'firewall-patch';

/** When something was last done, for a [date] check against the regulation's interval. */
export interface EvidenceDate extends Fact {
  kind: EvidenceDateKind;
  /** The system, application or site it is about; absent for the whole organisation. */
  subject?: SubjectRef;
  /** True for important applications (a shorter vulnerability-assessment interval). */
  important?: boolean;
  /** `YYYY-MM-DD`; Unknown when the file holds something else. */
  date: Known<string>;
  /** The interval the design file states, in days, when it states one. */
  intervalDays?: number;
}

export interface SoftwareLicence extends Fact {
  product: string;
  commercial: boolean;
  /** A licence key reference, contract number or `open-source`; absent means none recorded. */
  licence?: string;
}

export interface NetworkDevice extends Fact {
  id: string;
  siteId?: string;
  kind: 'switch' | 'router' | 'other';
  unusedPortsShut?: Known<boolean>;
}

export interface DesignWorkstation extends Fact {
  id: string;
  antimalware?: Known<boolean>;
  remoteAccess?: Known<boolean>;
  strongPasswords?: Known<boolean>;
}

/** A portal on rented hosting and its agreement with the provider (Đ7.4.c). */
export interface HostingAgreement extends Fact {
  subject: SubjectRef;
  provider?: string;
  coversFirewall?: Known<boolean>;
  coversUnauthorisedAccess?: Known<boolean>;
}

/** Where the value of a password attribute in code comes from (secrets-not-plaintext). */
export type SecretSourceKind =
  /** Written in the code or a variable default: plaintext in the repository. */
  | 'literal'
  /** An input variable with no value in the code: plaintext in tfvars or the pipeline. */
  | 'variable'
  /** A secret store data source (Secrets Manager, SSM SecureString, Key Vault, Vault). */
  | 'secret-store'
  /** Generated by the provider (`random_password`) or managed by the service. */
  | 'generated'
  /** Anything else that could not be traced. */
  | 'other';

/** A password attribute in infrastructure code and where its value comes from. */
export interface SecretValue extends Fact {
  /** The resource address the password belongs to. */
  subject: SubjectRef;
  /** The attribute path: `password`, `user[0].password`. */
  attribute: string;
  source: SecretSourceKind;
  /** What the value was read from, as written: `var.db_password`; never the value itself. */
  written?: string;
}

/** A stored parameter or script that can hold a secret: an SSM parameter or document. */
export interface StoredText extends Fact {
  id: string;
  kind: 'parameter' | 'script';
  /** The parameter or document name. */
  name?: string;
  /** True when the store encrypts it (an SSM `SecureString`). */
  encrypted?: Known<boolean>;
  /** The script text, for scripts; absent for parameters. */
  text?: string;
}

/** A long-lived credential for an account: an access key or console password. */
export interface AccountCredential extends Fact {
  /** The account it belongs to, as written: `root`, `aws_iam_user.ci.name`. */
  account: string;
  kind: 'access-key' | 'console-password';
  /** True when the account is the root, master or break-glass account. */
  privileged: boolean;
}

/** Data restored or copied from one store into another (a database from a snapshot). */
export interface DataCopy extends Fact {
  /** The resource that receives the data. */
  target: SubjectRef;
  /** The store the data comes from, by address when the scan defines it, else as written. */
  source: SubjectRef;
  /** The attribute that names the source: `snapshot_identifier`. */
  attribute: string;
}

/** A product version a resource runs, for end-of-life checks. */
export interface SoftwareVersion extends Fact {
  subject: SubjectRef;
  /** Lower-case product: `postgres`, `mysql`, `mariadb`. */
  product: string;
  version: Known<string>;
  /** True when the provider applies minor upgrades on its own. */
  autoUpgrade?: Known<boolean>;
}

/** The image a host boots from and who publishes it. */
export interface ImageSource extends Fact {
  subject: SubjectRef;
  /** The image as written: `data.aws_ami.ubuntu`. */
  image: string;
  /** Accounts or aliases allowed to publish it; empty means anyone. */
  owners: Known<string[]>;
}

/** A log-on account of a person or a service. */
export interface UserAccount extends Fact {
  name: string;
  /** True when several people use it. */
  shared?: Known<boolean>;
  /** The leadership approval of a shared account, as written. */
  sharingApproval?: string;
  /** True when the account needs high security (Đ21.2.đ): tagged or declared so. */
  highSecurity?: Known<boolean>;
  /** True when its log-on requires a second factor beyond the password. */
  mfaRequired?: Known<boolean>;
}

/** The backup settings of a database. */
export interface DatabaseBackup extends Fact {
  /** The database resource address. */
  subject: SubjectRef;
  /** Days of automated backups; 0 turns them off. Absent when the provider default applies. */
  retentionDays?: Known<number>;
  /** False when a final snapshot is skipped on deletion or replacement. */
  finalSnapshot?: Known<boolean>;
}

/** Every organisational and facility fact the scanned inputs give. */
export interface Evidence {
  passwordPolicies: PasswordPolicy[];
  lockoutPolicies: LockoutPolicy[];
  sessionPolicies: SessionPolicy[];
  remoteAccess: RemoteAccess[];
  administrators: Administrator[];
  auditTrails: AuditTrail[];
  networkMonitors: NetworkMonitor[];
  applicationMonitors: ApplicationMonitor[];
  mailSystems: MailSystem[];
  facilities: Facility[];
  approvals: Approval[];
  firewallDevices: FirewallDevice[];
  backup?: BackupFacts;
  antimalware: AntimalwareFacts;
  environments: EnvironmentTag[];
  dates: EvidenceDate[];
  licences: SoftwareLicence[];
  networkDevices: NetworkDevice[];
  designWorkstations: DesignWorkstation[];
  hostingAgreements: HostingAgreement[];
  /**
   * True when the input states the organisation's facts as a whole (a design
   * file), so that a missing fact is a finding; code inputs leave it unset and
   * rules stay silent about facts code cannot show.
   */
  declared?: boolean;
  /** Password attributes in code and the sources of their values. */
  secretValues?: SecretValue[];
  /** Stored parameters and scripts that may hold secrets. */
  storedTexts?: StoredText[];
  /** Long-lived account credentials: access keys, console passwords. */
  accountCredentials?: AccountCredential[];
  /** Data copied between stores. */
  dataCopies?: DataCopy[];
  /** Product versions of databases and appliances. */
  softwareVersions?: SoftwareVersion[];
  /** Images hosts boot from. */
  imageSources?: ImageSource[];
  /** Log-on accounts. */
  userAccounts?: UserAccount[];
  /** Backup settings of databases. */
  databaseBackups?: DatabaseBackup[];
}

export function emptyEvidence(): Evidence {
  return {
    passwordPolicies: [],
    lockoutPolicies: [],
    sessionPolicies: [],
    remoteAccess: [],
    administrators: [],
    auditTrails: [],
    networkMonitors: [],
    applicationMonitors: [],
    mailSystems: [],
    facilities: [],
    approvals: [],
    firewallDevices: [],
    antimalware: { agents: [] },
    environments: [],
    dates: [],
    licences: [],
    networkDevices: [],
    designWorkstations: [],
    hostingAgreements: [],
  };
}

/** The lists only some inputs fill; absent rather than empty when no input has one. */
const OPTIONAL_LISTS = [
  'secretValues',
  'storedTexts',
  'accountCredentials',
  'dataCopies',
  'softwareVersions',
  'imageSources',
  'userAccounts',
  'databaseBackups',
] as const;

/** Adds the facts of `more` to `into`, so several inputs (design file, code) share one record. */
export function mergeEvidence(into: Evidence, more: Evidence): Evidence {
  const merged = emptyEvidence();
  for (const key of Object.keys(merged) as Array<keyof Evidence>) {
    if (key === 'backup' || key === 'antimalware') continue;
    (merged[key] as Fact[]) = [...(into[key] as Fact[]), ...(more[key] as Fact[])];
  }
  for (const key of OPTIONAL_LISTS) {
    const list = [...(into[key] ?? []), ...(more[key] ?? [])];
    if (list.length > 0) (merged as unknown as Record<string, unknown[]>)[key] = list;
  }
  if (into.declared === true || more.declared === true) merged.declared = true;
  merged.backup = mergeBackup(into.backup, more.backup);
  merged.antimalware = {
    agents: [...into.antimalware.agents, ...more.antimalware.agents],
    centralVendors: into.antimalware.centralVendors ?? more.antimalware.centralVendors,
  };
  return merged;
}

function mergeBackup(a?: BackupFacts, b?: BackupFacts): BackupFacts | undefined {
  if (!a || !b) return a ?? b;
  return { ...b, ...a, stores: [...a.stores, ...b.stores] };
}
