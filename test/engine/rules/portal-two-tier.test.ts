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
`;

const WEB_INSTALLS_MYSQL = `resource "aws_instance" "portal" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.dmz.id
  user_data     = <<-EOT
    #!/bin/bash
    apt-get install -y nginx mysql-server
  EOT
  tags = { Role = "web" }
}
`;

const TAGGED_WEB_AND_DB = `resource "aws_instance" "portal" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.dmz.id
  tags          = { Role = "web,db" }
}
`;

const SEPARATE_TIERS = `resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.dmz.id
  user_data     = "apt-get install -y nginx"
  tags          = { Role = "web" }
}

resource "aws_instance" "db" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.app.id
  user_data     = "yum install -y postgresql-server"
  tags          = { Role = "db" }
}
`;

const BEHIND_LOAD_BALANCER = `resource "aws_lb" "front" {
  name               = "front"
  internal           = false
  load_balancer_type = "application"
  subnets            = [aws_subnet.dmz.id]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-1"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.front.arn
  port              = 443
  protocol          = "HTTPS"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group_attachment" "app" {
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_instance.app.id
}

resource "aws_instance" "app" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.dmz.id
  user_data     = "dnf install -y mariadb-server"
}
`;

const TEMPLATE_AND_GROUP = `resource "aws_launch_template" "web" {
  name_prefix   = "web"
  image_id      = "ami-1"
  instance_type = "t3.micro"
  user_data     = base64encode("apt-get install -y apache2 postgresql")
  tags          = { Role = "web" }
}

resource "aws_autoscaling_group" "web" {
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.dmz.id]

  launch_template {
    id = aws_launch_template.web.id
  }
}
`;

ruleTables(
  'portal-two-tier',
  [
    { name: 'web and database on separate hosts', files: { 'net.tf': NETWORK, 'main.tf': SEPARATE_TIERS } },
    { name: 'web host without a database', files: { 'net.tf': NETWORK, 'main.tf': TAGGED_WEB_AND_DB.replace('web,db', 'web') } },
  ],
  [
    {
      name: 'user data installs mysql on a web host',
      files: { 'net.tf': NETWORK, 'main.tf': WEB_INSTALLS_MYSQL },
      expected: [
        {
          messageId: 'database-on-web-host',
          address: 'aws_instance.portal',
          at: 'main.tf:5',
          data: { web: 'tag Role = "web"', database: 'user data installs mysql-server' },
        },
      ],
    },
    {
      name: 'Role tag lists web and db',
      files: { 'net.tf': NETWORK, 'main.tf': TAGGED_WEB_AND_DB },
      expected: [{ messageId: 'database-on-web-host', address: 'aws_instance.portal', at: 'main.tf:5' }],
    },
    {
      name: 'launch template installs postgresql',
      files: { 'net.tf': NETWORK, 'main.tf': TEMPLATE_AND_GROUP },
      expected: [
        {
          messageId: 'database-on-web-host',
          address: 'aws_launch_template.web',
          at: 'main.tf:5',
          data: { database: 'user data installs postgresql' },
        },
      ],
    },
    {
      name: 'load balancer target installs mariadb',
      files: { 'net.tf': NETWORK, 'main.tf': BEHIND_LOAD_BALANCER },
      expected: [
        {
          messageId: 'database-on-web-host',
          address: 'aws_instance.app',
          at: 'main.tf:35',
          data: { web: 'target of internet-facing aws_lb.front' },
        },
      ],
    },
  ],
);
