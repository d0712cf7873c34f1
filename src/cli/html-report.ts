import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PACK_DIR } from '../engine/pack/load.ts';
import type { ScanResult } from '../engine/result.ts';
import { parseRequirements, renderHtml, type Requirement } from '../reporters/html/index.ts';
import type { CliIo } from './io.ts';

/** The requirement list of the built-in pack; the compliance matrix has one row per entry. */
export const REQUIREMENTS_FILE = path.join(DEFAULT_PACK_DIR, 'articles.yaml');

/**
 * Renders the HTML report with the pack's requirement list when it exists. A
 * list that cannot be read is reported on stderr, and the matrix falls back to
 * the articles the rules cite.
 */
export async function htmlReport(result: ScanResult, io: CliIo, scannedAt: Date): Promise<string> {
  const requirements = readRequirements(io);
  return renderHtml(result, { scannedAt, ...(requirements === undefined ? {} : { requirements }) });
}

function readRequirements(io: CliIo): Requirement[] | undefined {
  if (!existsSync(REQUIREMENTS_FILE)) return undefined;
  try {
    return parseRequirements(readFileSync(REQUIREMENTS_FILE, 'utf8'), REQUIREMENTS_FILE);
  } catch (error) {
    io.stderr.write(`zoneguard: warning: could not read the requirement list: ${(error as Error).message}\n`);
    io.stderr.write('  The compliance matrix lists the articles the rules cite instead; fix the file to get one row per requirement.\n');
    return undefined;
  }
}
