import type { DesignFacility, LoadedDesign } from '../../loaders/design/types.ts';
import type { Origin } from '../location.ts';
import type { Evidence, Facility } from '../evidence.ts';
import { siteId } from './network.ts';
import { defined } from './organisation-evidence.ts';

/** Maps what each site records: facility, firewall devices, switches, monitoring, agents, environments. */
export function mapSiteEvidence(design: LoadedDesign, evidence: Evidence): void {
  for (const [siteKey, site] of Object.entries(design.document.sites)) {
    const at = (...path: Array<string | number>) => design.originOf(['sites', siteKey, ...path]);
    if (site.facility) evidence.facilities.push(facilityOf(siteKey, site.role, site.facility, at('facility')));
    for (const [key, firewall] of Object.entries(site.firewalls ?? {})) {
      evidence.firewallDevices.push({ id: `${siteKey}.${key}`, siteId: siteId(siteKey), ...defined({ ...firewall }), origin: at('firewalls', key) });
      if (firewall.lastPatch !== undefined) {
        evidence.dates.push({ kind: 'firewall-patch', subject: `${siteKey}.${key}`, date: firewall.lastPatch, origin: at('firewalls', key) });
      }
    }
    for (const [key, device] of Object.entries(site.networkDevices ?? {})) {
      evidence.networkDevices.push({ id: `${siteKey}.${key}`, siteId: siteId(siteKey), kind: device.kind, ...defined({ unusedPortsShut: device.unusedPortsShut }), origin: at('networkDevices', key) });
    }
    if (site.monitoring?.network) {
      const covers = site.monitoring.network.map((zone) => (zone === 'all' ? siteId(siteKey) : `sites.${siteKey}.zones.${zone}`));
      evidence.networkMonitors.push({
        id: site.monitoring.networkSystem ?? `${siteKey}.monitoring`,
        kind: 'monitoring-system',
        covers,
        ...defined({ showsConnections: site.monitoring.showsConnections }),
        origin: at('monitoring'),
      });
    }
    for (const [key, server] of Object.entries(site.servers ?? {})) {
      const hostId = `sites.${siteKey}.servers.${key}`;
      if (server.antimalware) {
        const { vendor, autoscan, lastCheck, monitored } = server.antimalware;
        evidence.antimalware.agents.push({ hostId, vendor, ...defined({ autoscan, lastCheck, healthMonitored: monitored }), origin: at('servers', key, 'antimalware') });
      }
      if (server.environment) {
        evidence.environments.push({ resourceId: hostId, environment: server.environment, ...defined({ domain: server.domain }), origin: at('servers', key) });
      }
    }
  }
}

function facilityOf(siteKey: string, role: string | undefined, facility: DesignFacility, origin: Origin): Facility {
  const { power, fire, cooling, cctv } = facility;
  return {
    siteId: siteId(siteKey),
    ...defined({
      siteRole: role,
      dedicatedRoom: facility.dedicatedRoom,
      accessControl: facility.accessControl,
      cablingProtected: facility.cablingProtected,
      grounding: facility.grounding,
      lightningProtection: facility.lightningProtection,
      surgeProtection: facility.surgeProtection,
      cctv24x7: cctv?.hours24x7,
      cctvRecorded: cctv?.recorded,
      cctvMonitored: cctv?.monitored,
    }),
    climate: defined({
      raisedFloor: facility.raisedFloor,
      dryAndClean: facility.dryAndClean,
      noDirectSunlight: facility.noDirectSunlight,
      temperatureControlled: facility.temperatureControlled,
      humidityControlled: facility.humidityControlled,
    }),
    ...(power ? { power: defined(power) } : {}),
    ...(fire ? { fire: defined({ suppressionSystem: fire.suppressionSystem, suppressionAgent: fire.agent, extinguishers: fire.extinguishers }) } : {}),
    ...(cooling ? { cooling: defined({ units: cooling.units, standbyUnits: cooling.standby, runs24x7: cooling.runs24x7 }) } : {}),
    origin,
  };
}
