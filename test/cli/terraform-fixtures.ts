import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A security group that opens RDP to the internet next to a management subnet. */
export const RDP_OPEN = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "mgmt" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.50.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "rdp" {
  name   = "rdp"
  vpc_id = aws_vpc.main.id

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

/** A list that is never closed, on line 7. */
export const BROKEN = `resource "aws_security_group" "half" {
  name = "half"
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"
  }
}
`;

/** Writes `files` into a new temporary repository (with a `.git` folder) and returns its path. */
export function writeRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zoneguard-cli-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
