/**
 * Measures the HCL parse layer on a generated file of about 1 MB. Not a test:
 * run it with `npx tsx test/loaders/terraform/parse/bench-parse.ts`.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { copyTree } from '../../../../src/loaders/terraform/parse/cst.ts';
import { loadParser, parseFile } from '../../../../src/loaders/terraform/parse/index.ts';

function securityGroup(index: number): string {
  return `resource "aws_security_group" "sg_${index}" {
  name   = "sg-${index}-\${var.env}"
  vpc_id = aws_vpc.main.id
  tags   = merge(local.tags, { Zone = "dmz", Index = ${index} })

  ingress {
    protocol    = "tcp"
    from_port   = ${index % 65535}
    to_port     = ${index % 65535}
    cidr_blocks = [for c in var.cidrs : c if c != "0.0.0.0/0"]
  }
}

`;
}

function generateFile(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index++) {
    const part = securityGroup(index);
    parts.push(part);
    length += part.length;
  }
  const path = join(mkdtempSync(join(tmpdir(), 'zoneguard-bench-')), 'big.tf');
  writeFileSync(path, parts.join(''));
  return path;
}

/** Prints the CPU time (user + system) and the wall time of five runs. */
async function measure(label: string, work: () => unknown): Promise<void> {
  const runs: string[] = [];
  for (let run = 0; run < 5; run++) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await work();
    const cpu = process.cpuUsage(cpuBefore);
    runs.push(`${((cpu.user + cpu.system) / 1000).toFixed(0)}/${(performance.now() - wallBefore).toFixed(0)}`);
  }
  console.log(`${label}: CPU/wall ms ${runs.join(', ')}`);
}

const path = generateFile(1_000_000);
const text = readFileSync(path, 'utf8');
const parser = await loadParser();
console.log(`${path}: ${statSync(path).size} bytes`);
await measure('tree-sitter parse only', () => parser.parse(text)!.delete());
await measure('parse + copy', () => {
  const tree = parser.parse(text)!;
  copyTree(tree, text);
  tree.delete();
});
await measure('parseFile', () => parseFile(path));
