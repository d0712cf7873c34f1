import { open } from 'node:fs/promises';
import { isPlanDocument } from '../loaders/plan/index.ts';
import { isPulumiDocument } from '../loaders/pulumi/index.ts';

/** Plans larger than this are still read by the loader; sniffing only reads this much. */
const SNIFF_LIMIT = 256 * 1024 * 1024;

/**
 * True when a file given to `scan` is the JSON of a Terraform or OpenTofu plan,
 * decided by its content (any file name): a top-level object with
 * `format_version` and one of `planned_values`, `resource_changes`,
 * `terraform_version`. Anything unreadable or not JSON is not a plan.
 */
export async function isPlanFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const first = Buffer.alloc(64);
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    if (!first.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{')) return false;
    const { size } = await handle.stat();
    if (size > SNIFF_LIMIT) return false;
    const text = (await handle.readFile('utf8')).replace(/^\uFEFF/, '');
    // Pulumi previews and stack exports are JSON files scanned on their own too; scan.ts tells them apart.
    const document: unknown = JSON.parse(text);
    return isPlanDocument(document) || isPulumiDocument(document);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
