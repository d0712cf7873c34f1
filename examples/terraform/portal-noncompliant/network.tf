# A portal built in a hurry: no management zone, an untagged subnet, and the
# application subnet routes straight to the Internet gateway.

resource "aws_vpc" "portal" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Name = "portal-legacy"
  }
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.portal.id
  cidr_block = "10.30.1.0/24"
  tags = {
    Name = "portal-public"
    Zone = "dmz"
  }
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.portal.id
  cidr_block = "10.30.10.0/24"
  tags = {
    Name = "portal-app"
    Zone = "internal"
  }
}

resource "aws_subnet" "data" {
  vpc_id     = aws_vpc.portal.id
  cidr_block = "10.30.20.0/24"
  tags = {
    Name = "portal-data"
    Zone = "internal"
  }
}

resource "aws_subnet" "scratch" {
  vpc_id     = aws_vpc.portal.id
  cidr_block = "10.30.77.0/24"
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.portal.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.portal.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}
