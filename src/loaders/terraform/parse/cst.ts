import type { Tree, TreeCursor } from 'web-tree-sitter';

/** A zero-based row and a column in UTF-16 code units, as web-tree-sitter reports them. */
export interface Point {
  row: number;
  column: number;
}

/**
 * A plain copy of one tree-sitter node. The converter reads these instead of
 * web-tree-sitter nodes because every property read on those crosses into
 * WebAssembly, and because the copy survives `tree.delete()`.
 */
export interface CstNode {
  type: string;
  named: boolean;
  missing: boolean;
  start: Point;
  end: Point;
  /** UTF-16 offsets into the parsed text; web-tree-sitter parses JavaScript strings as UTF-16. */
  startIndex: number;
  endIndex: number;
  children: CstNode[];
  parent?: CstNode;
}

/** Per-tree lookups that keep the number of calls into WebAssembly per node small. */
interface CopyState {
  cursor: TreeCursor;
  lineStarts: number[];
  typeNames: Map<number, { type: string; named: boolean }>;
  mayHaveMissing: boolean;
}

function typeOf(state: CopyState): { type: string; named: boolean } {
  const id = state.cursor.nodeTypeId;
  let known = state.typeNames.get(id);
  if (!known) {
    known = { type: state.cursor.nodeType, named: state.cursor.nodeIsNamed };
    state.typeNames.set(id, known);
  }
  return known;
}

function copyCurrentNode(state: CopyState, parent?: CstNode): CstNode {
  const { cursor, lineStarts } = state;
  const { type, named } = typeOf(state);
  const start = cursor.startPosition;
  const end = cursor.endPosition;
  const node: CstNode = {
    type,
    named,
    missing: state.mayHaveMissing && cursor.nodeIsMissing,
    start,
    end,
    // Offsets follow from the points because both count UTF-16 units.
    startIndex: lineStarts[start.row]! + start.column,
    endIndex: lineStarts[end.row]! + end.column,
    children: [],
  };
  if (parent) {
    node.parent = parent;
    parent.children.push(node);
  }
  return node;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/**
 * Copies a whole tree with a cursor and an explicit stack, so that deeply
 * nested input cannot overflow the JavaScript call stack here. `text` is the
 * text that was parsed.
 */
export function copyTree(tree: Tree, text: string): CstNode {
  const cursor = tree.walk();
  const state: CopyState = {
    cursor,
    lineStarts: lineStartsOf(text),
    typeNames: new Map(),
    mayHaveMissing: tree.rootNode.hasError,
  };
  try {
    const root = copyCurrentNode(state);
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        current = copyCurrentNode(state, current);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        current = current.parent ?? root;
      }
      current = copyCurrentNode(state, current.parent);
    }
  } finally {
    cursor.delete();
  }
}

/** Visits every node in document order without recursion. */
export function forEachNode(root: CstNode, visit: (node: CstNode) => void): void {
  const pending: CstNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
}
