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

/**
 * Per-tree lookups that keep the number of calls into WebAssembly per node
 * small. Each call marshals the cursor through shared memory, so the copy
 * costs about as much as the parse when it reads every node's points.
 */
interface CopyState {
  cursor: TreeCursor;
  lineStarts: number[];
  /** The start row of the last node copied; nodes start in document order. */
  row: number;
  typeNames: Map<number, { type: string; named: boolean }>;
  /** True when the tree has a syntax error, so it may contain MISSING nodes that each node is checked for. */
  hasError: boolean;
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

/** Finds the row of a UTF-16 offset by binary search. */
function rowOf(lineStarts: number[], index: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Finds the start row of the node under the cursor. Nodes start in document
 * order, so the search runs forward from the previous start, mostly by one line.
 */
function startRow(state: CopyState, index: number): number {
  const { lineStarts } = state;
  let row = state.row;
  if (lineStarts[row]! > index) row = rowOf(lineStarts, index);
  while (row + 1 < lineStarts.length && lineStarts[row + 1]! <= index) row++;
  state.row = row;
  return row;
}

const UNPLACED: Point = { row: 0, column: 0 };

/** Copies the node under the cursor with its span. */
function copyCurrentNode(state: CopyState, parent: CstNode): CstNode {
  const { type, named } = typeOf(state);
  const node: CstNode = {
    type,
    named,
    missing: state.hasError && state.cursor.nodeIsMissing,
    start: UNPLACED,
    end: UNPLACED,
    startIndex: 0,
    endIndex: 0,
    children: [],
    parent,
  };
  if (state.hasError) placeNode(state, node);
  else placeByOffsets(state, node);
  parent.children.push(node);
  return node;
}

/**
 * Reads the node's offsets and derives its points from them, which is
 * cheaper than asking for the points: both count UTF-16 units and rows end
 * at `\n`, as tree-sitter counts them. A node's span is read, not taken
 * from its children, because hidden grammar tokens (the digits of `list.0`)
 * have no node of their own.
 */
function placeByOffsets(state: CopyState, node: CstNode): void {
  const { cursor, lineStarts } = state;
  node.startIndex = cursor.startIndex;
  node.endIndex = cursor.endIndex;
  const start = startRow(state, node.startIndex);
  const end = node.endIndex < (lineStarts[start + 1] ?? Infinity) ? start : rowOf(lineStarts, node.endIndex);
  node.start = { row: start, column: node.startIndex - lineStarts[start]! };
  node.end = { row: end, column: node.endIndex - lineStarts[end]! };
}

/** Reads the span of the node under the cursor in full. */
function placeNode(state: CopyState, node: CstNode): void {
  const { cursor, lineStarts } = state;
  node.start = cursor.startPosition;
  node.end = cursor.endPosition;
  node.startIndex = lineStarts[node.start.row]! + node.start.column;
  node.endIndex = lineStarts[node.end.row]! + node.end.column;
}

/** Copies the root, whose span also covers the whitespace around the body. */
function copyRoot(state: CopyState): CstNode {
  const { type, named } = typeOf(state);
  const root: CstNode = {
    type,
    named,
    missing: state.hasError && state.cursor.nodeIsMissing,
    start: UNPLACED,
    end: UNPLACED,
    startIndex: 0,
    endIndex: 0,
    children: [],
  };
  placeNode(state, root);
  return root;
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
    row: 0,
    typeNames: new Map(),
    hasError: tree.rootNode.hasError,
  };
  try {
    const root = copyRoot(state);
    if (!cursor.gotoFirstChild()) return root;
    let current = copyCurrentNode(state, root);
    for (;;) {
      if (cursor.gotoFirstChild()) {
        current = copyCurrentNode(state, current);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        current = current.parent!;
        if (current === root) return root;
      }
      current = copyCurrentNode(state, current.parent!);
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
