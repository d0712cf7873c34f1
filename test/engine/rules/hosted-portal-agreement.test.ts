import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { designText, runDesign } from './design-facts/run-design.ts';

function portal(vpcTags: string): string {
  return `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { ${vpcTags} }
}

resource "aws_subnet" "dmz" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_lb" "portal" {
  internal = false
  subnets  = [aws_subnet.dmz.id]
}
`;
}

describe('hosted-portal-agreement', () => {
  it('passes a cloud portal whose network names its agreement', async () => {
    const { findings } = await runOnHcl({ 'main.tf': portal('HostingAgreement = "HD-2025-07"') }, { ruleIds: ['hosted-portal-agreement'] });
    expect(findings).toEqual([]);
  });

  it('passes a cloud network without a portal', async () => {
    const hcl = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
    const { findings } = await runOnHcl({ 'main.tf': hcl }, { ruleIds: ['hosted-portal-agreement'] });
    expect(findings).toEqual([]);
  });

  it('passes an on-premises design site', async () => {
    expect(await runDesign('hosted-portal-agreement', designText(''))).toEqual([]);
  });

  it('reports a cloud portal without an agreement', async () => {
    const { findings } = await runOnHcl({ 'main.tf': portal('Name = "portal"') }, { ruleIds: ['hosted-portal-agreement'] });
    expect(findings.map((finding) => [finding.messageId, finding.address, finding.location.range?.startLine, finding.data])).toEqual([
      ['no-agreement', 'aws_vpc.main', 1, { site: 'aws_vpc.main', tag: 'HostingAgreement' }],
    ]);
    expect(findings[0]?.restsOn).toEqual(['agreementTag']);
  });

  it('takes the agreement from the labels of the Google project the network names, in lower case', async () => {
    const { findings } = await runOnHcl({ 'main.tf': googlePortal('project = google_project.portal.project_id') }, { ruleIds: ['hosted-portal-agreement'] });
    expect(findings).toEqual([]);
  });

  it('reports a Google network that names no project, since the default project is not in the code', async () => {
    const { findings } = await runOnHcl({ 'main.tf': googlePortal('') }, { ruleIds: ['hosted-portal-agreement'] });
    expect(findings.map((finding) => [finding.messageId, finding.address])).toEqual([['no-agreement', 'google_compute_network.core']]);
  });
});

/** A Google network with one public web instance; `project` is the network's project line. */
function googlePortal(project: string): string {
  return `resource "google_project" "portal" {
  name       = "portal"
  project_id = "portal-prod"
  labels     = { hosting_agreement = "hd-2025-07" }
}

resource "google_compute_network" "core" {
  name = "core"
  ${project}
}

resource "google_compute_subnetwork" "dmz" {
  name          = "dmz"
  network       = google_compute_network.core.id
  ip_cidr_range = "10.0.1.0/24"
}

resource "google_compute_instance" "web" {
  name = "web"
  network_interface {
    subnetwork = google_compute_subnetwork.dmz.id
    access_config {}
  }
}
`;
}
