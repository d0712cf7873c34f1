import { Command, CommanderError, Option } from 'commander';
import createDebug from 'debug';
import { toolVersion } from '../engine/tool-version.ts';
import { SEVERITIES } from '../engine/types.ts';
import { addBaselineCommand } from './baseline-command.ts';
import { EXIT, UsageError } from './errors.ts';
import { addGithubCommand } from './github-command.ts';
import type { GraphCommandOptions } from './graph-command.ts';
import { processIo, type CliIo } from './io.ts';
import type { RulesCommandOptions } from './rules-command.ts';
import { DEFAULT_THRESHOLD, type ScanCommandOptions } from './scan-command.ts';
import { addSuppressionsCommand } from './suppressions-command.ts';
import type { ZonesCommandOptions } from './zones-command.ts';

const EXIT_CODE_HELP = `
Exit codes:
  0  no finding reached the severity threshold
  1  a finding reached the threshold (unknown results count only with --fail-on-unknown)
  2  usage error, or an input (file, variable file, config) could not be read or holds
     an invalid CIDR, port range or protocol; wins over 1
  3  internal error in zoneguard`;

/**
 * Runs the zoneguard command line and returns the exit code. The only place
 * that prints; `bin/zoneguard.js` sets the process exit code from the result.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const state = { exitCode: EXIT.ok as number, debug: argv.includes('--debug') };
  if (state.debug) createDebug.enable('zoneguard:*');
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, state.debug);
  }
}

function buildProgram(io: CliIo, state: { exitCode: number }): Command {
  const program = new Command('zoneguard')
    .description('Check Terraform network zoning against Regulation 2926/QĐ-TCHQ.')
    .version(toolVersion(), '-V, --version', 'print the zoneguard version')
    .option('--debug', 'print stack traces and the zoneguard:* debug log on stderr')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors are printed by reportError, with a hint, so commander stays quiet.
      outputError: () => {},
    })
    .addHelpText('after', EXIT_CODE_HELP);

  addScanCommand(program, io, state);
  addRulesCommand(program, io, state);
  addZonesCommand(program, io, state);
  addGraphCommand(program, io, state);
  addSuppressionsCommand(program, io, state);
  addBaselineCommand(program, io, state);
  addGithubCommand(program, io, state);
  return program;
}

function addScanCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('scan')
    .description('scan Terraform folders, files or plan JSON and report findings')
    .argument('[paths...]', 'folders, .tf files or plan JSON files (terraform show -json) to scan', [])
    .addOption(formatOption(['text', 'json', 'sarif', 'html']))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option(
        '--severity-threshold <severity>',
        `lowest severity that makes the scan exit 1 (default: config severityThreshold, else ${DEFAULT_THRESHOLD})`,
      ).choices(SEVERITIES),
    )
    .option('--fail-on-unknown', 'also exit 1 for results that could not be evaluated until apply')
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeat for more (applied last, in order)', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .option('--source <dir>', 'folder of the .tf sources of a scanned plan, so findings point at lines (default: the plan folder)')
    .option('--baseline <file>', 'fail only on findings not in this baseline (zoneguard baseline create)')
    .option('--design <file>', 'approved design file (YAML or JSON) to scan and compare the code with; repeatable', collect, [])
    .option('--pulumi-program <dir>', 'run the Pulumi TypeScript program in this folder under the mock runtime and scan it (runs your code); repeatable', collect, [])
    .option('--as-of <date>', 'evaluate date-based rules and suppression expiry as of this day, YYYY-MM-DD in UTC (default: today)')
    .addOption(languageOption())
    .option('--no-color', 'turn off colours (also off when NO_COLOR is set or stdout is not a terminal)')
    .addHelpText('after', EXIT_CODE_HELP)
    .action(async (paths: string[], options: ScanCommandOptions) => {
      const { runScan } = await import('./scan-command.ts');
      state.exitCode = await runScan(paths, options, io);
    });
}

function addRulesCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('rules')
    .description('list the rules of the Regulation 2926 pack')
    .addOption(formatOption(['text', 'json']))
    .option('--coverage', 'list each checkable requirement of the regulation with the rules that cover it, marking gaps')
    .addOption(languageOption())
    .action(async (options: RulesCommandOptions) => {
      const { runRules } = await import('./rules-command.ts');
      state.exitCode = await runRules(options, io);
    });
}

function addZonesCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('zones')
    .description('show each segment with its CIDR, zone and why it got that zone')
    .argument('[paths...]', 'folders or .tf files to read', [])
    .addOption(formatOption(['text', 'json']))
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeatable', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .action(async (paths: string[], options: ZonesCommandOptions) => {
      const { runZones } = await import('./zones-command.ts');
      state.exitCode = await runZones(paths, options, io);
    });
}

function addGraphCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('graph')
    .description('draw the zones of each site and the flows between them, rule violations in red')
    .argument('[paths...]', 'folders, .tf files or plan JSON files to scan', [])
    .addOption(new Option('-f, --format <format>', 'diagram format').choices(['svg', 'mermaid', 'dot']).default('svg'))
    .option('-o, --output <file>', 'write the diagram to this file instead of stdout')
    .option('--site <site>', "draw only this site, by its id as 'zoneguard zones' lists it (default: every site)")
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeatable', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .addOption(languageOption())
    .action(async (paths: string[], options: GraphCommandOptions) => {
      const { runGraph } = await import('./graph-command.ts');
      state.exitCode = await runGraph(paths, options, io);
    });
}

function formatOption(formats: string[]): Option {
  return new Option('-f, --format <format>', 'report format').choices(formats).default('text');
}

function languageOption(): Option {
  return new Option(
    '--lang <language>',
    'language of the report (default: vi when LC_ALL, LC_MESSAGES or LANG starts with vi, else en)',
  ).choices(['en', 'vi']);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Turns any error into a message on stderr and an exit code. */
function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return EXIT.ok; // --help and --version
    io.stderr.write(`zoneguard: ${error.message.replace(/^error: /, '')}\n`);
    io.stderr.write("  Run 'zoneguard --help' or 'zoneguard <command> --help' for the options.\n");
    return EXIT.inputError;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`zoneguard: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.inputError;
  }
  const detail = debug && error instanceof Error ? (error.stack ?? String(error)) : String(error);
  io.stderr.write(`zoneguard: internal error: ${debug ? detail : errorMessage(error)}\n`);
  if (!debug) io.stderr.write('  Rerun with --debug for the stack trace, and report it as a bug.\n');
  return EXIT.internalError;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
