import type { DesignDocument, LoadedDesign } from '../../loaders/design/types.ts';
import type {
  AuditEvent,
  AuthFactor,
  Evidence,
  EvidenceDateKind,
  PasswordPolicy,
} from '../evidence.ts';

/** Maps the organisation-wide parts of a design: identity, people, audit, mail, backup, dates. */
export function mapOrganisationEvidence(design: LoadedDesign, evidence: Evidence): void {
  const { document, originOf } = design;
  mapIdentity(design, evidence);
  (document.administrators ?? []).forEach((admin, index) =>
    evidence.administrators.push({ person: admin.person, systems: admin.systems, origin: originOf(['administrators', index]) }),
  );
  (document.auditTrails ?? []).forEach((trail, index) =>
    evidence.auditTrails.push({
      id: trail.id,
      events: trail.events as AuditEvent[],
      scope: trail.scope ?? [],
      origin: originOf(['auditTrails', index]),
    }),
  );
  (document.applicationMonitoring ?? []).forEach((monitor, index) =>
    evidence.applicationMonitors.push({
      id: monitor.id,
      covers: monitor.covers ?? [],
      ...defined({ centralised: monitor.centralised, alerting: monitor.alerting }),
      origin: originOf(['applicationMonitoring', index]),
    }),
  );
  if (document.mail) evidence.mailSystems.push(mailOf(document.mail, originOf(['mail'])));
  if (document.approval) {
    const { approver, date, redundant } = document.approval;
    evidence.approvals.push({ subject: 'lan-design', ...defined({ approver, date, redundant }), origin: originOf(['approval']) });
  }
  mapBackup(design, evidence);
  mapRecords(design, evidence);
}

function mapIdentity(design: LoadedDesign, evidence: Evidence): void {
  const identity = design.document.identity;
  if (!identity) return;
  const origin = (field: string) => design.originOf(['identity', field]);
  const password = identity.passwordPolicy;
  if (password) evidence.passwordPolicies.push(passwordPolicyOf(password, origin('passwordPolicy')));
  const lockout = identity.lockout;
  if (lockout) {
    evidence.lockoutPolicies.push({
      systems: lockout.systems ?? [],
      ...defined({ thresholdAdministrators: lockout.administrators, thresholdUsers: lockout.users, durationMinutes: lockout.durationMinutes }),
      origin: origin('lockout'),
    });
  }
  const session = identity.session;
  if (session) {
    evidence.sessionPolicies.push({
      systems: session.systems ?? [],
      ...defined({
        idleTimeoutOsMinutes: session.idleTimeoutMinutes?.os,
        idleTimeoutUserMinutes: session.idleTimeoutMinutes?.users,
        idleTimeoutAdministratorMinutes: session.idleTimeoutMinutes?.administrators,
        logonGraceMinutes: session.logonGraceMinutes,
        concurrentLoginsAllowed: session.concurrentLogins,
      }),
      origin: origin('session'),
    });
  }
  (identity.remoteAccess ?? []).forEach((channel, index) => {
    evidence.remoteAccess.push({
      id: channel.id,
      kind: channel.kind,
      ...defined({
        siteId: channel.site === undefined ? undefined : `sites.${channel.site}`,
        encryption: channel.encryption,
        encrypted: channel.encryption === undefined ? undefined : !/^(none|plain|clear)/i.test(channel.encryption),
        factors: channel.factors as AuthFactor[] | undefined,
        allowedUsers: channel.users,
        administratorsOnly: channel.administratorsOnly,
      }),
      origin: design.originOf(['identity', 'remoteAccess', index]),
    });
  });
}

type WrittenPasswordPolicy = NonNullable<NonNullable<DesignDocument['identity']>['passwordPolicy']>;

function passwordPolicyOf(policy: WrittenPasswordPolicy, origin: PasswordPolicy['origin']): PasswordPolicy {
  return {
    appliesTo: 'all',
    systems: policy.systems ?? [],
    ...defined({
      minLength: policy.minLength,
      requiredClasses: policy.requiredClasses,
      minClassCount: policy.minClassCount,
      maxAgeDaysUsers: policy.maxAgeDays?.users,
      maxAgeDaysAdministrators: policy.maxAgeDays?.administrators,
      reusePreventionCount: policy.reusePrevention,
      forbidsUserName: policy.forbidsUserName,
      forbidsDictionaryWords: policy.forbidsDictionaryWords,
      forbidsRepeatedCharacters: policy.forbidsRepeatedCharacters,
    }),
    origin,
  };
}

function mailOf(mail: NonNullable<DesignDocument['mail']>, origin: Evidence['mailSystems'][number]['origin']) {
  return {
    id: 'mail',
    ...defined({
      spamFiltering: mail.spamFiltering,
      contentFiltering: mail.contentFiltering,
      senderAuthentication: mail.senderAuthentication,
      blockedAttachmentTypes: mail.blockedAttachments?.map((type) => type.toLowerCase()),
    }),
    origin,
  };
}

function mapBackup(design: LoadedDesign, evidence: Evidence): void {
  const backup = design.document.backup;
  if (!backup) return;
  const { stores, ...facts } = backup;
  evidence.backup = {
    stores: Object.entries(stores ?? {}).map(([key, store]) => ({
      id: key,
      ...defined({
        siteId: store.site === undefined ? undefined : `sites.${store.site}`,
        publicAccess: store.publicAccess,
        encrypted: store.encrypted,
        accessRoles: store.accessRoles,
      }),
      origin: design.originOf(['backup', 'stores', key]),
    })),
    ...defined(facts),
    origin: design.originOf(['backup']),
  };
}

function mapRecords(design: LoadedDesign, evidence: Evidence): void {
  const { document, originOf } = design;
  (document.evidenceDates ?? []).forEach((entry, index) =>
    evidence.dates.push({
      kind: entry.kind as EvidenceDateKind,
      date: entry.date,
      ...defined({ subject: entry.subject, important: entry.important }),
      origin: originOf(['evidenceDates', index]),
    }),
  );
  (document.licences ?? []).forEach((licence, index) =>
    evidence.licences.push({
      product: licence.product,
      commercial: licence.commercial,
      ...defined({ licence: licence.licence }),
      origin: originOf(['licences', index]),
    }),
  );
  for (const [key, station] of Object.entries(document.designWorkstations ?? {})) {
    evidence.designWorkstations.push({ id: key, ...defined(station), origin: originOf(['designWorkstations', key]) });
  }
  const vendors = document.antimalware?.centralVendors;
  if (vendors) {
    evidence.antimalware.centralVendors = { vendors, siteIds: [], origin: originOf(['antimalware', 'centralVendors']) };
  }
}

/** Drops undefined fields, so a field the design leaves out stays absent ("not evidenced"). */
export function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
