import { ruleTables } from './portal-fixtures/table.ts';

const NETWORK = `resource "aws_subnet" "dmz" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = "dmz" }
}

resource "aws_subnet" "app" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.20.0/24"
  tags       = { Zone = "internal" }
}

resource "aws_subnet" "private" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.30.0/24"
}
`;

const webInstance = (subnet: string) => `resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.${subnet}.id
  tags          = { Role = "web" }
}
`;

const loadBalancer = (internal: boolean, subnet: string) => `resource "aws_lb" "front" {
  name               = "front"
  internal           = ${internal}
  load_balancer_type = "application"
  subnets            = [aws_subnet.${subnet}.id]
}
`;

ruleTables(
  'portal-web-in-dmz',
  [
    { name: 'web server in the DMZ', files: { 'net.tf': NETWORK, 'main.tf': webInstance('dmz') } },
    { name: 'internet-facing load balancer in the DMZ', files: { 'net.tf': NETWORK, 'main.tf': loadBalancer(false, 'dmz') } },
    { name: 'internal load balancer in the internal zone', files: { 'net.tf': NETWORK, 'main.tf': loadBalancer(true, 'app') } },
  ],
  [
    {
      name: 'web server in the internal zone',
      files: { 'net.tf': NETWORK, 'main.tf': webInstance('app') },
      expected: [
        {
          messageId: 'web-outside-dmz',
          address: 'aws_instance.web',
          at: 'main.tf:4',
          data: { place: 'aws_subnet.app', zone: 'internal', evidence: 'tag Zone = "internal"' },
        },
      ],
    },
    {
      name: 'internet-facing load balancer in a subnet named private',
      files: { 'net.tf': NETWORK, 'main.tf': loadBalancer(false, 'private') },
      expected: [
        {
          messageId: 'web-outside-dmz-guessed',
          address: 'aws_lb.front',
          at: 'main.tf:5',
          data: { webReason: 'internet-facing load balancer', zone: 'internal', evidence: "name 'private'" },
        },
      ],
    },
  ],
);
