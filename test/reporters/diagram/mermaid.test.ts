import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import { renderMermaid, UnknownSiteError } from '../../../src/reporters/diagram/index.ts';
import { escapeMermaid } from '../../../src/reporters/diagram/mermaid.ts';
import { zoneResult } from './zone-result.ts';

const GOLDEN = `flowchart LR
  internet(["Internet"])
  outside(["Outside networks (outside)"])
  subgraph site0["aws_vpc.admin"]
    site0_management["Management"]
  end
  outside -->|"icmp"| site0_management
  subgraph site1["aws_vpc.portal[#34;a#60;b#62;#124;\\#34;#35;1#34;]"]
    site1_dmz["DMZ"]
    site1_internal["Internal servers (internal)"]
    site1_unclassified["Unclassified"]
  end
  internet -->|"all protocols"| site1_dmz
  internet ==>|"tcp 22, 443<br/>breaks internet-ingress-dmz-only, management-ports-from-management-zone"| site1_internal
  site1_dmz -->|"tcp 8000-8999#59; udp 53"| site1_internal
  linkStyle 2 stroke:#c62828,stroke-width:3px,color:#c62828,font-weight:bold
  classDef external fill:#eceff1,stroke:#455a64
  class internet,outside external
`;

const NONCOMPLIANT_GOLDEN = `flowchart LR
  internet(["Internet"])
  subgraph site0["aws_vpc.portal"]
    site0_dmz["DMZ"]
    site0_internal["Internal servers (internal)"]
    site0_unclassified["Unclassified"]
  end
  internet ==>|"tcp 22, 443<br/>breaks internet-ingress-dmz-only, management-ports-from-management-zone"| site0_dmz
  site0_dmz ==>|"tcp 22, 443<br/>breaks internet-ingress-dmz-only, management-ports-from-management-zone"| site0_dmz
  site0_dmz ==>|"all protocols<br/>breaks management-ports-from-management-zone, zone-firewall-between"| site0_internal
  site0_internal ==>|"tcp 21-22, 443, 1024-65535<br/>breaks internet-ingress-dmz-only, management-ports-from-management-zone"| site0_dmz
  site0_internal -->|"tcp 5432"| site0_internal
  site0_unclassified ==>|"tcp 22, 443<br/>breaks internet-ingress-dmz-only, management-ports-from-management-zone"| site0_dmz
  linkStyle 0,1,2,3,5 stroke:#c62828,stroke-width:3px,color:#c62828,font-weight:bold
  classDef external fill:#eceff1,stroke:#455a64
  class internet external
`;

describe('Mermaid zone diagram', () => {
  it('matches the golden diagram of two sites', () => {
    expect(renderMermaid(zoneResult())).toBe(GOLDEN);
  });

  it('matches the golden diagram of a scanned example', async () => {
    const example = path.resolve(import.meta.dirname, '../../../examples/terraform/portal-noncompliant');
    const result = await scan([example]);
    expect(renderMermaid(result)).toBe(NONCOMPLIANT_GOLDEN);
  });

  it('is the same whatever the input order', () => {
    const result = zoneResult();
    const reversed = zoneResult({
      zones: [...result.zones!].reverse(),
      matrix: [...result.matrix!].reverse().map((site) => ({ ...site, cells: [...site.cells].reverse() })),
      findings: [...result.findings].reverse(),
    });
    expect(renderMermaid(reversed)).toBe(GOLDEN);
  });

  it('draws one site with --site', () => {
    const text = renderMermaid(zoneResult(), { site: 'aws_vpc.admin' });
    expect(text).toContain('subgraph site0["aws_vpc.admin"]');
    expect(text).not.toContain('aws_vpc.portal');
    expect(text).not.toContain('linkStyle');
  });

  it('rejects an unknown site', () => {
    expect(() => renderMermaid(zoneResult(), { site: 'aws_vpc.nope' })).toThrow(UnknownSiteError);
    expect(() => renderMermaid(zoneResult(), { site: 'aws_vpc.nope' })).toThrow(/aws_vpc.admin/);
  });

  it('labels zones in Vietnamese', () => {
    const text = renderMermaid(zoneResult({ language: 'vi' }), { site: 'aws_vpc.portal["a<b>|\\"#1"]' });
    expect(text).toContain('site0_internal["Máy chủ nội bộ (internal)"]');
    expect(text).toContain('vi phạm internet-ingress-dmz-only');
  });

  it('escapes every character that could break a label', () => {
    expect(escapeMermaid('a"b<c>d|e`f#g;h&i\nj')).toBe('a#34;b#60;c#62;d#124;e#96;f#35;g#59;h#38;i j');
  });
});
