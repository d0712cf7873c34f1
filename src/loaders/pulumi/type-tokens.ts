/**
 * Pulumi type tokens of the AWS provider and the Terraform resource types the
 * AWS mapping reads. Pulumi's AWS provider is bridged from the Terraform
 * provider, so each token names exactly one Terraform type; the model is built
 * from the Terraform type, so both front ends share one mapping.
 *
 * The `aws:alb/*` tokens are Pulumi's aliases of the `aws:lb/*` resources, as
 * `aws_alb*` are Terraform's.
 */
export const TERRAFORM_TYPES: Readonly<Record<string, string>> = {
  'aws:alb/listener:Listener': 'aws_alb_listener',
  'aws:alb/loadBalancer:LoadBalancer': 'aws_alb',
  'aws:alb/targetGroup:TargetGroup': 'aws_alb_target_group',
  'aws:alb/targetGroupAttachment:TargetGroupAttachment': 'aws_alb_target_group_attachment',
  'aws:autoscaling/attachment:Attachment': 'aws_autoscaling_attachment',
  'aws:autoscaling/group:Group': 'aws_autoscaling_group',
  'aws:ebs/volume:Volume': 'aws_ebs_volume',
  'aws:ec2/defaultNetworkAcl:DefaultNetworkAcl': 'aws_default_network_acl',
  'aws:ec2/defaultRouteTable:DefaultRouteTable': 'aws_default_route_table',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': 'aws_default_security_group',
  'aws:ec2/defaultSubnet:DefaultSubnet': 'aws_default_subnet',
  'aws:ec2/defaultVpc:DefaultVpc': 'aws_default_vpc',
  'aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway': 'aws_egress_only_internet_gateway',
  'aws:ec2/eip:Eip': 'aws_eip',
  'aws:ec2/eipAssociation:EipAssociation': 'aws_eip_association',
  'aws:ec2/instance:Instance': 'aws_instance',
  'aws:ec2/internetGateway:InternetGateway': 'aws_internet_gateway',
  'aws:ec2/launchTemplate:LaunchTemplate': 'aws_launch_template',
  'aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation': 'aws_main_route_table_association',
  'aws:ec2/natGateway:NatGateway': 'aws_nat_gateway',
  'aws:ec2/networkAcl:NetworkAcl': 'aws_network_acl',
  'aws:ec2/networkAclAssociation:NetworkAclAssociation': 'aws_network_acl_association',
  'aws:ec2/networkAclRule:NetworkAclRule': 'aws_network_acl_rule',
  'aws:ec2/route:Route': 'aws_route',
  'aws:ec2/routeTable:RouteTable': 'aws_route_table',
  'aws:ec2/routeTableAssociation:RouteTableAssociation': 'aws_route_table_association',
  'aws:ec2/securityGroup:SecurityGroup': 'aws_security_group',
  'aws:ec2/securityGroupRule:SecurityGroupRule': 'aws_security_group_rule',
  'aws:ec2/subnet:Subnet': 'aws_subnet',
  'aws:ec2/volumeAttachment:VolumeAttachment': 'aws_volume_attachment',
  'aws:ec2/vpc:Vpc': 'aws_vpc',
  'aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation': 'aws_vpc_ipv4_cidr_block_association',
  'aws:ec2/vpcIpv6CidrBlockAssociation:VpcIpv6CidrBlockAssociation': 'aws_vpc_ipv6_cidr_block_association',
  'aws:ec2/vpcPeeringConnection:VpcPeeringConnection': 'aws_vpc_peering_connection',
  'aws:ec2/vpnGateway:VpnGateway': 'aws_vpn_gateway',
  'aws:ec2transitgateway/vpcAttachment:VpcAttachment': 'aws_ec2_transit_gateway_vpc_attachment',
  'aws:lb/listener:Listener': 'aws_lb_listener',
  'aws:lb/loadBalancer:LoadBalancer': 'aws_lb',
  'aws:lb/targetGroup:TargetGroup': 'aws_lb_target_group',
  'aws:lb/targetGroupAttachment:TargetGroupAttachment': 'aws_lb_target_group_attachment',
  'aws:rds/cluster:Cluster': 'aws_rds_cluster',
  'aws:rds/clusterInstance:ClusterInstance': 'aws_rds_cluster_instance',
  'aws:rds/instance:Instance': 'aws_db_instance',
  'aws:rds/subnetGroup:SubnetGroup': 'aws_db_subnet_group',
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': 'aws_vpc_security_group_egress_rule',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': 'aws_vpc_security_group_ingress_rule',
};

/** The Terraform type of a Pulumi type token, or undefined for a type zoneguard does not map. */
export function terraformType(token: string): string | undefined {
  return Object.hasOwn(TERRAFORM_TYPES, token) ? TERRAFORM_TYPES[token] : undefined;
}
