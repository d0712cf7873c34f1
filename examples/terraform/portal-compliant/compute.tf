resource "aws_lb" "portal" {
  name               = "portal"
  load_balancer_type = "application"
  internal           = false
  subnets            = [aws_subnet.zone["dmz"].id]
  security_groups    = [aws_security_group.alb.id]
}

resource "aws_lb_target_group" "web" {
  name     = "portal-web"
  port     = 8443
  protocol = "HTTPS"
  vpc_id   = aws_vpc.portal.id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:ap-southeast-1:111122223333:certificate/portal"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_instance" "web" {
  count                  = var.web_count
  ami                    = var.web_ami
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.zone["dmz"].id
  vpc_security_group_ids = [aws_security_group.web.id]
  tags = {
    Name      = "portal-web-${count.index}"
    Role      = "web"
    RAID      = "raid1"
    RaidDisks = "2"
  }
}

resource "aws_lb_target_group_attachment" "web" {
  count            = var.web_count
  target_group_arn = aws_lb_target_group.web.arn
  target_id        = aws_instance.web[count.index].id
}

resource "aws_instance" "bastion" {
  ami                    = var.web_ami
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.zone["management"].id
  vpc_security_group_ids = [aws_security_group.bastion.id]
  tags = {
    Name      = "portal-bastion"
    Role      = "bastion"
    RAID      = "raid1"
    RaidDisks = "2"
  }
}
