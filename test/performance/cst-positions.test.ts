// The copy of the tree-sitter tree derives each node's points from its
// offsets instead of asking WebAssembly for them. These tests compare every
// copied node with the node tree-sitter itself reports, on input chosen for
// the cases where a shortcut would go wrong: hidden tokens (`list.0`),
// multi-line tokens, characters outside the Basic Multilingual Plane, and
// syntax errors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Parser } from 'web-tree-sitter';
import { copyTree, type CstNode } from '../../src/loaders/terraform/parse/cst.ts';
import { loadParser } from '../../src/loaders/terraform/parse/tree-sitter.ts';

let parser: Parser;
beforeAll(async () => {
  parser = await loadParser();
});

interface Mismatch {
  path: string;
  copied: unknown;
  reported: unknown;
}

/** Walks the copy and tree-sitter's own nodes side by side and lists where they differ. */
function compare(text: string, copied: CstNode, reported: Node, path: string, mismatches: Mismatch[]): void {
  const copiedSpan = {
    type: copied.type,
    start: copied.start,
    end: copied.end,
    missing: copied.missing,
    text: text.slice(copied.startIndex, copied.endIndex),
  };
  const reportedSpan = {
    type: reported.type,
    start: reported.startPosition,
    end: reported.endPosition,
    missing: reported.isMissing,
    text: reported.text,
  };
  if (JSON.stringify(copiedSpan) !== JSON.stringify(reportedSpan)) {
    mismatches.push({ path, copied: copiedSpan, reported: reportedSpan });
  }
  if (copied.children.length !== reported.childCount) {
    mismatches.push({ path, copied: copied.children.length, reported: reported.childCount });
    return;
  }
  copied.children.forEach((child, i) => compare(text, child, reported.child(i)!, `${path}/${child.type}`, mismatches));
}

function mismatchesOf(text: string): Mismatch[] {
  const tree = parser.parse(text)!;
  try {
    const mismatches: Mismatch[] = [];
    const root = copyTree(tree, text);
    compare(text, root, tree.rootNode, root.type, mismatches);
    return mismatches;
  } finally {
    tree.delete();
  }
}

const INPUTS: Record<string, string> = {
  'legacy index with hidden digits': 'locals {\n  a = l.1\n  b = x.0.y.12\n}\n',
  'splats and traversals': 'a = var.list.*.id\nb = l[*].a[0]\n',
  'heredoc with a template directive': 'a = <<-EOT\n    héllo ${var.x}\n    %{ for i in l }${i}%{ endfor }\n  EOT\n',
  'characters outside the BMP': 'a = "𝄞 ${b} 𝄞"\n# 𝄞 comment\nc = "é"\n',
  'block comment over several lines': '/* one\n * two\n */\nresource "a" "b" {\n  x = 1 # trailing\n}\n',
  'leading blank lines and no final newline': '\n\n\n  a = { (var.k) = 1, "q" = 2.5e3 }',
  'a missing closing brace': 'resource "a" "b" {\n  x = [1, 2\n',
  'an unterminated interpolation': 'x "y" {\n a = "${b"\n}\n',
  'a stray token': 'a = 1 +\nb = }\n',
};

describe('copyTree', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`matches tree-sitter's spans: ${name}`, () => {
      expect(mismatchesOf(text)).toEqual([]);
    });
  }
});
