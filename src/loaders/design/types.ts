import type { Diagnostic } from '../../diagnostics.ts';
import type { Origin } from '../../model/location.ts';
import type { ZoneKind } from '../../model/types.ts';

/**
 * A data-center design file after schema validation, as written. The shapes
 * mirror `policies/schema/design.schema.json`; the schema is the reference
 * for what each field means.
 */
export interface DesignDocument {
  version: 1;
  organisation?: string;
  approval?: { approver?: string; date?: string; redundant?: boolean };
  identity?: DesignIdentity;
  administrators?: Array<{ person: string; systems: string[] }>;
  auditTrails?: Array<{ id: string; events: string[]; scope?: string[] }>;
  applicationMonitoring?: Array<{
    id: string;
    centralised?: boolean;
    alerting?: boolean;
    covers?: string[];
  }>;
  mail?: {
    spamFiltering?: boolean;
    contentFiltering?: boolean;
    senderAuthentication?: string[];
    blockedAttachments?: string[];
  };
  antimalware?: { centralVendors?: string[] };
  backup?: DesignBackup;
  licences?: Array<{ product: string; commercial: boolean; licence?: string }>;
  designWorkstations?: Record<
    string,
    { antimalware?: boolean; remoteAccess?: boolean; strongPasswords?: boolean }
  >;
  evidenceDates?: Array<{ kind: string; subject?: string; important?: boolean; date: string }>;
  sites: Record<string, DesignSite>;
}

export interface DesignIdentity {
  passwordPolicy?: {
    minLength?: number;
    requiredClasses?: Array<'upper' | 'lower' | 'digit' | 'special'>;
    minClassCount?: number;
    maxAgeDays?: { users?: number; administrators?: number };
    reusePrevention?: number;
    forbidsUserName?: boolean;
    forbidsDictionaryWords?: boolean;
    forbidsRepeatedCharacters?: boolean;
    systems?: string[];
  };
  lockout?: { administrators?: number; users?: number; durationMinutes?: number; systems?: string[] };
  session?: {
    idleTimeoutMinutes?: { os?: number; users?: number; administrators?: number };
    logonGraceMinutes?: number;
    concurrentLogins?: boolean;
    systems?: string[];
  };
  remoteAccess?: Array<{
    id: string;
    kind: 'vpn' | 'bastion' | 'other';
    site?: string;
    encryption?: string;
    factors?: string[];
    users?: string[];
    administratorsOnly?: boolean;
  }>;
}

export interface DesignBackup {
  stores?: Record<
    string,
    { site?: string; publicAccess?: boolean; encrypted?: boolean; accessRoles?: string[] }
  >;
  standbyNetwork?: boolean;
  spareEquipment?: boolean;
  highSpeedLinks?: boolean;
  capacitySufficient?: boolean;
  restoreTestSystem?: boolean;
  fireResistantMediaStorage?: boolean;
  spareStorageDevices?: boolean;
}

export interface DesignSite {
  name?: string;
  role?: 'dc' | 'dr' | 'provincial' | 'server-room';
  profile?: 'datacenter' | 'portal';
  cidrs?: string[];
  zones: Record<string, DesignZone>;
  firewalls?: Record<string, DesignFirewall>;
  policies?: DesignPolicy[];
  servers?: Record<string, DesignServer>;
  networkDevices?: Record<string, { kind: 'switch' | 'router' | 'other'; unusedPortsShut?: boolean }>;
  facility?: DesignFacility;
  monitoring?: { network?: string[]; networkSystem?: string; showsConnections?: boolean };
  suppressions?: DesignSuppression[];
}

/** An accepted finding written on a site, zone or server, as a tag would be on a resource. */
export interface DesignSuppression {
  rule: string;
  reason: string;
  approver?: string;
  expires?: string;
}

export interface DesignZone {
  kind?: ZoneKind;
  name?: string;
  vlans?: number[];
  cidrs: string[];
  description?: string;
  suppressions?: DesignSuppression[];
}

export interface DesignFirewall {
  model?: string;
  continuity?: 'ha-pair' | 'spare' | 'managed-multi-zone' | 'none';
  supportUntil?: string;
  version?: string;
  endOfSupport?: string;
  lastPatch?: string;
  logging?: boolean;
}

export interface DesignPolicy {
  firewall?: string;
  rules: DesignPolicyRule[];
}

export interface DesignPolicyRule {
  name?: string;
  from: string | string[];
  to: string | string[];
  protocol: 'tcp' | 'udp' | 'icmp' | 'any';
  ports?: number | string | Array<number | string>;
  action: 'allow' | 'deny';
  description?: string;
}

export interface DesignServer {
  zone: string;
  suppressions?: DesignSuppression[];
  address?: string;
  roles?: string[];
  services?: Array<{ name: string; protocol: 'tcp' | 'udp'; ports: number | string | Array<number | string> }>;
  storage?: Array<{ name: string; raid?: number | string; disks?: number; sizeGb?: number }>;
  antimalware?: { vendor: string; autoscan?: boolean; lastCheck?: string; monitored?: boolean };
  os?: string;
  environment?: 'production' | 'staging' | 'test' | 'development';
  domain?: string;
}

export interface DesignFacility {
  dedicatedRoom?: boolean;
  accessControl?: boolean;
  cablingProtected?: boolean;
  raisedFloor?: boolean;
  dryAndClean?: boolean;
  noDirectSunlight?: boolean;
  temperatureControlled?: boolean;
  humidityControlled?: boolean;
  power?: { lines?: number; generator?: boolean; generatorFuelHours?: number; ups?: boolean; upsTested?: string };
  fire?: { suppressionSystem?: boolean; agent?: string; extinguishers?: boolean };
  grounding?: boolean;
  lightningProtection?: boolean;
  surgeProtection?: boolean;
  cooling?: { units?: number; standby?: number; runs24x7?: boolean };
  cctv?: { hours24x7?: boolean; recorded?: boolean; monitored?: boolean };
}

/** Makes the origin of the node at a design path (`sites`, `dc`, `zones`, `dmz`). */
export type OriginOf = (path: readonly (string | number)[]) => Origin;

/** A design file that was read, validated and can be mapped to the model. */
export interface LoadedDesign {
  file: string;
  document: DesignDocument;
  originOf: OriginOf;
}

export interface DesignLoadResult {
  /** Absent when the file could not be read, parsed or validated. */
  design?: LoadedDesign;
  diagnostics: Diagnostic[];
}
