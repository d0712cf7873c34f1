import { Command, Option } from 'commander';
import { scan } from '../engine/scan.ts';
import type { SuppressionRecord } from '../engine/suppressions/index.ts';
import { formatLocation } from '../reporters/format-location.ts';
import { relativePath } from '../reporters/paths.ts';
import { EXIT } from './errors.ts';
import type { InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { exitForInputFailures, inputScanOptions, prepareReadableInputs } from './scan-inputs.ts';
import { formatTable } from './table.ts';

export interface SuppressionsCommandOptions extends InputOptions {
  format: 'text' | 'json';
}

/** Registers `zoneguard suppressions [paths...]`. */
export function addSuppressionsCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('suppressions')
    .description('list every suppression (comments, tags, config waivers) and whether it matched')
    .argument('[paths...]', 'folders, .tf files or plan JSON files to read', [])
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeatable', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .action(async (paths: string[], options: SuppressionsCommandOptions) => {
      state.exitCode = await runSuppressions(paths, options, io);
    });
}

/**
 * Runs a scan and lists what each suppression did. Exits 0, or 2 when an
 * input could not be read, since the list would then be incomplete.
 */
export async function runSuppressions(paths: string[], options: SuppressionsCommandOptions, io: CliIo): Promise<number> {
  const inputs = prepareReadableInputs(paths, options, io);
  if (inputs === undefined) return EXIT.inputError;
  const result = await scan(inputs.targets, inputScanOptions(inputs, io));
  const records = result.suppressions ?? [];
  io.stdout.write(options.format === 'json' ? recordsJson(result.root, records) : recordsText(result.root, records));
  return exitForInputFailures(io, result.diagnostics);
}

function recordsText(root: string, records: SuppressionRecord[]): string {
  if (records.length === 0) return 'No suppressions found.\n';
  const header = ['RULE', 'SCOPE', 'STATUS', 'REASON', 'APPROVER', 'EXPIRES', 'LOCATION'];
  const rows = records.map((record) => [
    record.ruleId,
    record.scope,
    record.status === 'matched' ? `matched ${record.matched}` : record.status,
    record.reason,
    record.approver ?? '-',
    record.expires ?? '-',
    record.location ? formatLocation(root, record.location) : record.kind,
  ]);
  return formatTable([header, ...rows]);
}

function recordsJson(root: string, records: SuppressionRecord[]): string {
  const relative = records.map((record) =>
    record.location ? { ...record, location: { ...record.location, file: relativePath(root, record.location.file) } } : record,
  );
  return `${JSON.stringify({ root, suppressions: relative }, null, 2)}\n`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
