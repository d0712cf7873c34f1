import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { BlockHeader, SourceComment } from './types.ts';

/**
 * The syntax tree of one Terraform file, the same for native HCL (read with
 * tree-sitter) and for JSON configuration (where strings are templates). The
 * evaluator sees only this tree, never the parser's nodes.
 */
export type Expression =
  | { kind: 'literal'; value: null | boolean | number | string; location: SourceLocation }
  /** A quoted string or heredoc; a template with no interpolation has one literal part. */
  | { kind: 'template'; parts: TemplatePart[]; location: SourceLocation }
  | { kind: 'tuple'; items: Expression[]; location: SourceLocation }
  | {
      kind: 'object';
      items: Array<{ key: Expression; value: Expression; location: SourceLocation }>;
      location: SourceLocation;
    }
  /**
   * A bare name at the root of a reference: `var`, `local`, `each`, `count`,
   * `module`, `data`, `path`, `self`, a resource type, or a `for` variable. An
   * object key written as a bare word is a `variable` too; the evaluator reads it
   * as a string in key position.
   */
  | { kind: 'variable'; name: string; location: SourceLocation }
  | { kind: 'getattr'; object: Expression; name: string; location: SourceLocation }
  | { kind: 'index'; object: Expression; key: Expression; location: SourceLocation }
  /**
   * `object[*].rest` or `object.*.rest` (legacy). `each` is applied to every
   * element, where the element is the `splat-item` expression.
   */
  | { kind: 'splat'; object: Expression; each: Expression; location: SourceLocation }
  | { kind: 'splat-item'; location: SourceLocation }
  | {
      kind: 'call';
      name: string;
      args: Expression[];
      /** True when the last argument is written `args...`. */
      expandFinal: boolean;
      location: SourceLocation;
    }
  | {
      kind: 'conditional';
      condition: Expression;
      then: Expression;
      otherwise: Expression;
      location: SourceLocation;
    }
  | {
      kind: 'binary';
      operator: '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';
      left: Expression;
      right: Expression;
      location: SourceLocation;
    }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expression; location: SourceLocation }
  | {
      kind: 'for';
      /** `{ for k, v in coll : key => value }` builds an object; otherwise a tuple. */
      result: 'tuple' | 'object';
      keyVariable?: string;
      valueVariable: string;
      collection: Expression;
      key?: Expression;
      value: Expression;
      condition?: Expression;
      /** `value...` in an object `for`: values with the same key are grouped in lists. */
      grouping: boolean;
      location: SourceLocation;
    }
  /** Text the parser could not read; evaluating it gives an Unknown. */
  | { kind: 'invalid'; text: string; location: SourceLocation };

export type TemplatePart =
  | { kind: 'literal'; text: string }
  | { kind: 'interpolation'; expression: Expression }
  | { kind: 'if'; condition: Expression; then: TemplatePart[]; otherwise: TemplatePart[] }
  | {
      kind: 'for';
      keyVariable?: string;
      valueVariable: string;
      collection: Expression;
      body: TemplatePart[];
    };

export interface Attribute {
  name: string;
  expression: Expression;
  /** The whole `name = expression` span. */
  location: SourceLocation;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  /** From the block type to the closing brace. */
  location: SourceLocation;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

/** One parsed file: its body, comments, block headers and any parse errors. */
export interface ConfigFile {
  path: string;
  format: 'hcl' | 'json';
  body: Body;
  comments: SourceComment[];
  headers: BlockHeader[];
  /** Parse errors. A file with an error diagnostic is not evaluated. */
  diagnostics: Diagnostic[];
  /** For `.tf.json` written by cdktf: construct paths by resource address. */
  constructPaths?: Record<string, string>;
}
