import { open } from 'node:fs/promises';
import { pulumiFormat } from './document.ts';

/**
 * True when a file is `pulumi preview --json` output or a `pulumi stack export`
 * file, decided by its content (any file name). Anything unreadable or not
 * JSON is not.
 */
export async function isPulumiFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const first = Buffer.alloc(64);
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    if (!first.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('{')) return false;
    const text = (await handle.readFile('utf8')).replace(/^\uFEFF/, '');
    return pulumiFormat(JSON.parse(text)) !== undefined;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
