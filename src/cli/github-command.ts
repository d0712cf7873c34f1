import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { ScanResult } from '../engine/result.ts';
import { scan } from '../engine/scan.ts';
import { SEVERITIES, type Language, type Severity } from '../engine/types.ts';
import type { CommentDetail } from '../integrations/github/comment-detail.ts';
import { readGitHubContext, type ContextFlags, type GitHubContext } from '../integrations/github/context.ts';
import { publishToPullRequest, type CommentMode, type PublishOutcome } from '../integrations/github/publish.ts';
import { renderJson } from '../reporters/json.ts';
import { renderSarif } from '../reporters/sarif.ts';
import { summarize } from '../reporters/summary.ts';
import { renderText } from '../reporters/text.ts';
import { EXIT, UsageError } from './errors.ts';
import { exitCodeFor } from './exit-code.ts';
import type { InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { languageFromEnv } from './language.ts';
import { DEFAULT_THRESHOLD } from './scan-command.ts';
import { inputScanOptions, prepareReadableInputs } from './scan-inputs.ts';

/** The command's options; the context flags (`--repository`, `--sha` and so on) come from ContextFlags. */
export interface GithubCommandOptions extends InputOptions, ContextFlags {
  severityThreshold?: Severity;
  failOnUnknown?: boolean;
  lang?: Language;
  commentMode: CommentMode;
  commentDetail: CommentDetail;
  maxInlineComments: number;
  sarif?: string;
  report?: string;
  /** Hidden: milliseconds per second of GitHub's waits, so tests need not sleep. */
  githubSecondMs?: number;
}

/** Registers `zoneguard github`; main.ts calls this with its program. */
export function addGithubCommand(program: Command, io: CliIo, state: { exitCode: number }): void {
  program
    .command('github')
    .description('scan, then comment on the GitHub pull request (review comments and one summary comment)')
    .argument('[paths...]', 'folders or .tf files to scan', [])
    .addOption(new Option('--severity-threshold <severity>', `lowest severity that makes the run exit 1 (default ${DEFAULT_THRESHOLD})`).choices(SEVERITIES))
    .option('--fail-on-unknown', 'also exit 1 for results that could not be evaluated until apply')
    .option('-c, --config <file>', 'config file to use instead of searching for .zoneguard.yml')
    .option('--var <name=value>', 'set an input variable; repeatable', collect, [])
    .option('--var-file <file>', 'read variable values from a .tfvars file; repeatable', collect, [])
    .addOption(new Option('--lang <language>', 'language of the comments').choices(['en', 'vi']))
    .addOption(new Option('--comment-mode <mode>', 'review: inline comments and a summary; summary: the summary comment only; off: no comments').choices(['review', 'summary', 'off']).default('review'))
    .addOption(new Option('--comment-detail <detail>', 'redacted leaves addresses, CIDRs, ports and evidence out of comments').choices(['full', 'redacted']).default('full'))
    .option('--max-inline-comments <count>', 'new inline comments per run; the rest go to the summary', positiveInteger, 50)
    .option('--sarif <file>', 'also write a SARIF report to this file')
    .option('--report <file>', 'also write the full JSON report to this file (for the job artifacts)')
    .option('--repository <owner/name>', 'repository (default: GITHUB_REPOSITORY)')
    .option('--pull-request <number>', 'pull request number (default: from GITHUB_EVENT_PATH)', positiveInteger)
    .option('--sha <commit>', 'head commit (default: from the event, else GITHUB_SHA)')
    .option('--api-url <url>', 'REST API base URL (default: GITHUB_API_URL)')
    .option('--server-url <url>', 'web base URL for links (default: GITHUB_SERVER_URL)')
    .option('--workspace <dir>', 'repository checkout root (default: GITHUB_WORKSPACE, else the current folder)')
    .option('--event-path <file>', 'event payload JSON (default: GITHUB_EVENT_PATH)')
    .addOption(new Option('--github-second-ms <ms>').argParser(positiveInteger).hideHelp())
    .action(async (paths: string[], options: GithubCommandOptions) => {
      state.exitCode = await runGithub(paths, options, io);
    });
}

/** Runs `zoneguard github` and returns its exit code. */
export async function runGithub(paths: string[], options: GithubCommandOptions, io: CliIo): Promise<number> {
  const context = githubContext(options, io);
  const inputs = prepareReadableInputs(paths, options, io);
  if (inputs === undefined) return EXIT.inputError;
  const result = await scan(inputs.targets, {
    ...inputScanOptions(inputs, io),
    language: options.lang ?? languageFromEnv(io.env),
  });
  result.diagnostics.push(...inputs.config.diagnostics);
  io.stdout.write(renderText(result, { color: false }));

  const outcome = await publishToPullRequest(result, context, {
    mode: options.commentMode,
    detail: options.commentDetail,
    maxInline: options.maxInlineComments,
    paths: { repositoryRoot: context.workspace, workingDirectory: io.cwd },
    sourceLine: readSourceLine,
    ...(options.githubSecondMs !== undefined ? { secondMs: options.githubSecondMs } : {}),
  });
  writeOutcome(outcome, context, io);
  const sarifPath = writeReports(result, context, outcome, options, io);
  writeStepOutputs(result, outcome, sarifPath, context);
  return exitCodeFor(result, {
    threshold: options.severityThreshold ?? inputs.config.config.severityThreshold ?? DEFAULT_THRESHOLD,
    failOnUnknown: options.failOnUnknown ?? inputs.config.config.failOnUnknown ?? false,
  });
}

function githubContext(options: GithubCommandOptions, io: CliIo): GitHubContext {
  const { context, problems } = readGitHubContext(io.env, options, io.cwd);
  if (!context) {
    throw new UsageError(problems.join(' '), 'Run zoneguard github inside GitHub Actions, or give --repository and --sha.');
  }
  if (options.commentMode !== 'off' && context.pullNumber !== undefined) {
    if (!context.apiUrl) {
      throw new UsageError('The GitHub API URL is unknown.', 'Set GITHUB_API_URL (Actions sets it) or give --api-url.');
    }
    if (!context.token) {
      throw new UsageError('GITHUB_TOKEN is not set.', 'Pass the token as the GITHUB_TOKEN environment variable, or use --comment-mode off.');
    }
  }
  return context;
}

function writeOutcome(outcome: PublishOutcome, context: GitHubContext, io: CliIo): void {
  for (const line of outcome.log) io.stderr.write(`zoneguard: ${line}\n`);
  for (const line of outcome.annotations) io.stdout.write(`${line}\n`);
  if (outcome.inlinePosted > 0 || outcome.summary !== 'none') {
    io.stderr.write(`zoneguard: ${outcome.inlinePosted} inline comments posted; summary comment ${outcome.summary}.\n`);
  }
  if (context.stepSummaryPath) appendFileSync(context.stepSummaryPath, `${outcome.stepSummary}\n`);
}

/** Writes SARIF with repository-relative URIs, findings in the diff kept first. */
function writeReports(
  result: ScanResult,
  context: GitHubContext,
  outcome: PublishOutcome,
  options: GithubCommandOptions,
  io: CliIo,
): string | undefined {
  if (options.report) writeFile(path.resolve(io.cwd, options.report), renderJson(result), '--report');
  if (!options.sarif) return undefined;
  const target = path.resolve(io.cwd, options.sarif);
  const sarif = renderSarif({ ...result, root: context.workspace }, { preferred: (finding) => outcome.inDiff.has(finding.fingerprint) });
  writeFile(target, sarif, '--sarif');
  return target;
}

function writeStepOutputs(result: ScanResult, outcome: PublishOutcome, sarifPath: string | undefined, context: GitHubContext): void {
  if (!context.outputPath) return;
  const summary = summarize(result);
  const lines = [
    `findings=${summary.findings}`,
    ...SEVERITIES.map((severity) => `${severity}=${summary.bySeverity[severity]}`),
    `suppressed=${summary.suppressed}`,
    `not-evaluated=${summary.notEvaluated}`,
    `inline-comments=${outcome.inlinePosted}`,
    `sarif-file=${sarifPath ?? ''}`,
  ];
  appendFileSync(context.outputPath, `${lines.join('\n')}\n`);
}

function readSourceLine(file: string, line: number): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1];
  } catch {
    return undefined;
  }
}

function writeFile(target: string, text: string, option: string): void {
  try {
    writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`Could not write ${target}: ${(error as Error).message}.`, `Check the folder given to ${option}.`);
  }
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`"${value}" is not a whole number of zero or more.`);
  return number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
