/**
 * A span in a source file. Lines and columns are 1-based; columns count UTF-16
 * code units of the line after a byte order mark and `\r` are removed, and the
 * end is exclusive.
 */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where something came from. `file` is an absolute path; reporters make it
 * relative to the scan root. `range` is absent where the input has no source
 * lines (a plan without its `.tf` sources).
 */
export interface SourceLocation {
  file: string;
  range?: SourceRange;
}

/** The code that made a model object. */
export interface Origin {
  /** Full resource instance address, or a design-file path such as `sites.dc.zones.dmz`. */
  address: string;
  /** The whole block (or resource) that made the object. */
  location: SourceLocation;
  /**
   * Locations of attributes and nested blocks, keyed by a path such as
   * `cidr_block`, `ingress[1]` or `ingress[1].cidr_blocks`.
   */
  attributes: Record<string, SourceLocation>;
  /**
   * The module calls the object was created through, outermost first, each as an
   * instance address (`module.landing[0]`). Empty for the root module.
   */
  moduleCalls: string[];
  /** The cdktf construct path (`net/bastion/sg`), when the input was synthesized. */
  constructPath?: string;
}

/** The location of `path` in `origin`, falling back to the whole block. */
export function locate(origin: Origin, path?: string): SourceLocation {
  if (path !== undefined) {
    const found = origin.attributes[path];
    if (found) return found;
  }
  return origin.location;
}
