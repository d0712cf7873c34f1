/**
 * Hand-written inputs of the cdktf, Pulumi and design front ends. Each has one
 * finding for a suppression to target and, on request, a second resource with
 * a new finding for the baseline tests.
 */
export interface FrontEndInput {
  name: string;
  /** What to pass to `scan`, relative to the temp folder. */
  target: string;
  rule: string;
  address: string;
  /** The resource `extra` adds, whose finding is new. */
  extraAddress: string;
  /** Returns the files. `suppression` is `rule -- reason` text, and `extra` adds the resource with a new finding. */
  files(options: { suppression?: string; extra?: boolean }): Record<string, string>;
}

const MANIFEST = JSON.stringify({
  version: '0.20.0',
  stacks: { net: { name: 'net', constructPath: 'net', synthesizedStackPath: 'stacks/net/cdk.tf.json', workingDirectory: 'stacks/net', annotations: [], dependencies: [] } },
});

function cdktfGroup(name: string, tags: Record<string, string>): Record<string, unknown> {
  return {
    '//': { metadata: { path: `net/${name}`, uniqueId: name } },
    name,
    vpc_id: 'vpc-1',
    tags,
    ingress: [{ protocol: 'tcp', from_port: 8443, to_port: 8443, cidr_blocks: ['0.0.0.0/0'] }],
  };
}

export const CDKTF: FrontEndInput = {
  name: 'cdktf',
  target: 'cdktf.out',
  rule: 'internet-ingress-dmz-only',
  address: 'aws_security_group.web',
  extraAddress: 'aws_security_group.api',
  files({ suppression, extra }) {
    const groups: Record<string, unknown> = { web: cdktfGroup('web', suppression ? { 'zoneguard:ignore': suppression } : {}) };
    if (extra) groups.api = cdktfGroup('api', {});
    const stack = { resource: { aws_security_group: groups } };
    return { 'cdktf.out/manifest.json': MANIFEST, 'cdktf.out/stacks/net/cdk.tf.json': JSON.stringify(stack, null, 2) };
  },
};

function pulumiStep(name: string, tags: Record<string, string>): Record<string, unknown> {
  const urn = `urn:pulumi:dev::net::aws:ec2/securityGroup:SecurityGroup::${name}`;
  const ingress = [{ protocol: 'tcp', fromPort: 8443, toPort: 8443, cidrBlocks: ['0.0.0.0/0'] }];
  const inputs = { vpcId: 'vpc-1', tags: { Zone: 'internal', ...tags }, ingress };
  return { op: 'create', urn, newState: { urn, type: 'aws:ec2/securityGroup:SecurityGroup', inputs } };
}

export const PULUMI: FrontEndInput = {
  name: 'Pulumi',
  target: 'preview.json',
  rule: 'internet-ingress-dmz-only',
  address: 'aws:ec2/securityGroup:SecurityGroup::db',
  extraAddress: 'aws:ec2/securityGroup:SecurityGroup::cache',
  files({ suppression, extra }) {
    const steps = [pulumiStep('db', suppression ? { 'zoneguard:ignore': suppression } : {})];
    if (extra) steps.push(pulumiStep('cache', {}));
    return { 'preview.json': JSON.stringify({ steps }, null, 2) };
  },
};

function designServer(name: string, suppressions: string[]): string {
  return [
    `      ${name}:`,
    '        zone: servers',
    '        storage: [{ name: data, raid: 0, disks: 2 }]',
    ...suppressions,
  ].join('\n');
}

export const DESIGN: FrontEndInput = {
  name: 'design',
  target: 'site.zoneguard.yml',
  rule: 'storage-raid',
  address: 'sites.room.servers.files',
  extraAddress: 'sites.room.servers.logs',
  files({ suppression, extra }) {
    const [rule, reason] = (suppression ?? '').split(' -- ');
    const entries = suppression ? ['        suppressions:', `          - { rule: ${rule}, reason: "${reason}", approver: Le Van C, expires: "2027-06-30" }`] : [];
    const servers = [designServer('files', entries), ...(extra ? [designServer('logs', [])] : [])];
    const text = ['version: 1', 'organisation: Test', 'sites:', '  room:', '    role: server-room', '    zones:', '      servers: { kind: internal, cidrs: [10.30.3.0/24] }', '    servers:', ...servers, ''];
    return { 'site.zoneguard.yml': text.join('\n') };
  },
};
