import type { Block, Body } from '../ast.ts';
import type { BlockHeader } from '../types.ts';

/** The address of a top-level `resource`, `data` or `module` block, without instance keys. */
function blockAddress(block: Block): string | undefined {
  const [first, second] = block.labels;
  if (block.type === 'resource' && first && second) return `${first}.${second}`;
  if (block.type === 'data' && first && second) return `data.${first}.${second}`;
  if (block.type === 'module' && first) return `module.${first}`;
  return undefined;
}

/** Lists a header for every block at every depth, in document order. */
export function collectHeaders(file: string, body: Body): BlockHeader[] {
  const headers: BlockHeader[] = [];
  const pending: Array<{ block: Block; topLevel: boolean }> = body.blocks
    .map((block) => ({ block, topLevel: true }))
    .reverse();
  while (pending.length > 0) {
    const { block, topLevel } = pending.pop()!;
    const address = topLevel ? blockAddress(block) : undefined;
    headers.push({
      file,
      type: block.type,
      labels: block.labels,
      location: block.location,
      ...(address ? { address } : {}),
    });
    for (let i = block.body.blocks.length - 1; i >= 0; i--) {
      pending.push({ block: block.body.blocks[i]!, topLevel: false });
    }
  }
  return headers;
}
