import { isInputFailure, type Diagnostic } from '../diagnostics.ts';
import { commonScanRoot, resolveScanInputs } from '../engine/scan-inputs.ts';
import { loadTerraform } from '../loaders/terraform/index.ts';
import { buildModel } from '../model/build.ts';
import { listZones, type ZoneListingSite } from '../model/zones/listing.ts';
import { formatLocation } from '../reporters/format-location.ts';
import { relativePath } from '../reporters/paths.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { EXIT } from './errors.ts';
import { prepareInputs, type InputOptions } from './inputs.ts';
import type { CliIo } from './io.ts';
import { formatTable } from './table.ts';

export interface ZonesCommandOptions extends InputOptions {
  format: 'text' | 'json';
}

/** Runs `zoneguard zones`: each site's segments with their zone and its evidence. */
export async function runZones(paths: string[], options: ZonesCommandOptions, io: CliIo): Promise<number> {
  const inputs = prepareInputs(paths, options, io);
  const diagnostics: Diagnostic[] = [...inputs.config.diagnostics];
  if (diagnostics.some(isInputFailure)) {
    printDiagnostics(io, diagnostics);
    return EXIT.inputError;
  }
  const resolved = await resolveScanInputs(inputs.targets, io.cwd);
  diagnostics.push(...resolved.diagnostics);
  const sites: ZoneListingSite[] = [];
  for (const root of resolved.roots) {
    const loaded = await loadTerraform(root, { varFiles: inputs.varFiles, vars: inputs.vars });
    const model = buildModel(loaded.resources, { config: inputs.config.config });
    diagnostics.push(...loaded.diagnostics.filter(isInputFailure));
    sites.push(...listZones(model));
  }
  const root = await commonScanRoot(inputs.targets, io.cwd);
  io.stdout.write(options.format === 'json' ? zonesJson(root, sites) : zonesText(root, sites));
  printDiagnostics(io, diagnostics);
  return diagnostics.some(isInputFailure) ? EXIT.inputError : EXIT.ok;
}

function zonesText(root: string, sites: ZoneListingSite[]): string {
  if (sites.length === 0) return 'No sites or segments found.\n';
  return sites
    .map((site) => {
      const header = ['SEGMENT', 'CIDR', 'ZONE', 'SOURCE', 'EVIDENCE', 'LOCATION'];
      const rows = site.segments.map((segment) => [
        segment.address,
        segment.cidrs.join(', ') || '(unknown)',
        segment.zone ?? (segment.evidence.length > 1 ? '(conflict)' : '(none)'),
        segment.source ?? '-',
        segment.evidence.join('; ') || '-',
        formatLocation(root, segment.location),
      ]);
      const table = formatTable([header, ...rows])
        .split('\n')
        .map((line) => (line === '' ? line : `  ${line}`))
        .join('\n');
      return `Site ${site.site}\n${table}`;
    })
    .join('\n');
}

function zonesJson(root: string, sites: ZoneListingSite[]): string {
  const relative = sites.map((site) => ({
    site: site.site,
    segments: site.segments.map((segment) => ({
      ...segment,
      location: { ...segment.location, file: relativePath(root, segment.location.file) },
    })),
  }));
  return `${JSON.stringify({ root, sites: relative }, null, 2)}\n`;
}
