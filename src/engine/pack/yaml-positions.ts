import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';

/** A 1-based line and column (UTF-16 code units, as everywhere in zoneguard). */
export interface YamlPosition {
  line: number;
  column: number;
}

/**
 * Positions of the nodes of one YAML document, keyed by JSON Pointer
 * (`/parameters/ports/default`), the same form as ajv's `instancePath`.
 *
 * How the map is built: js-yaml 5's `parseEvents` returns a flat event stream
 * with source offsets (mapping, sequence, scalar, pop). We walk it once,
 * keeping the pointer of the node being read. A mapping value is recorded at
 * the offset of its key, because that is where the user wrote the field. A
 * sequence item is recorded at its own offset. Offsets become lines and columns through a
 * table of line starts.
 */
export interface YamlPositionMap {
  /** The position of `pointer`, or of its nearest ancestor that has one. */
  locate(pointer: string): YamlPosition;
}

export function buildPositionMap(source: string): YamlPositionMap {
  const events = parseEvents(source, {});
  const offsets = new Map<string, number>([['', 0]]);
  const walker = new EventWalker(source, events, offsets);
  walker.walkDocuments();
  const lineStarts = findLineStarts(source);
  return {
    locate(pointer) {
      const offset = offsets.get(nearestRecorded(pointer, offsets)) ?? 0;
      return toPosition(offset, lineStarts);
    },
  };
}

/** Escapes a mapping key as a JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function nearestRecorded(pointer: string, offsets: Map<string, number>): string {
  let current = pointer;
  while (current !== '' && !offsets.has(current)) {
    current = current.slice(0, current.lastIndexOf('/'));
  }
  return current;
}

class EventWalker {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly events: Event[],
    private readonly offsets: Map<string, number>,
  ) {}

  walkDocuments(): void {
    // Only the first document matters: pack files hold one document each.
    const first = this.events.findIndex((event) => event.type === EVENT_ID.DOCUMENT);
    if (first < 0) return;
    this.index = first + 1;
    if (this.peek() && this.peek()?.type !== EVENT_ID.POP) this.walkNode('');
  }

  private peek(): Event | undefined {
    return this.events[this.index];
  }

  private next(): Event {
    const event = this.events[this.index++];
    if (!event) throw new Error('YAML event stream ended early');
    return event;
  }

  /** Reads one node and everything inside it, recording positions under `pointer`. */
  private walkNode(pointer: string): void {
    const event = this.next();
    if (event.type === EVENT_ID.MAPPING) this.walkMapping(pointer);
    else if (event.type === EVENT_ID.SEQUENCE) this.walkSequence(pointer);
  }

  private walkMapping(pointer: string): void {
    while (this.peek()?.type !== EVENT_ID.POP) {
      const keyEvent = this.peek();
      const key = this.readKey();
      const childPointer = `${pointer}/${pointerSegment(key)}`;
      if (keyEvent) this.offsets.set(childPointer, startOffset(keyEvent));
      this.walkNode(childPointer);
    }
    this.next();
  }

  private walkSequence(pointer: string): void {
    let itemIndex = 0;
    while (this.peek()?.type !== EVENT_ID.POP) {
      const itemEvent = this.peek();
      const childPointer = `${pointer}/${itemIndex++}`;
      if (itemEvent) this.offsets.set(childPointer, startOffset(itemEvent));
      this.walkNode(childPointer);
    }
    this.next();
  }

  /** Reads a mapping key. A complex key (a mapping used as a key) is skipped whole. */
  private readKey(): string {
    const event = this.peek();
    if (event?.type === EVENT_ID.SCALAR) {
      this.next();
      return getScalarValue(this.source, event);
    }
    this.walkNode('/\u0000complex-key');
    return '\u0000complex-key';
  }
}

function startOffset(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return scalarStart(event);
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart;
    default:
      return 0;
  }
}

/** Returns where a scalar is written: its anchor or tag, else its opening quote or first character. */
function scalarStart(event: ScalarEvent): number {
  const starts = [event.anchorStart, event.tagStart].filter((offset) => offset >= 0);
  if (starts.length > 0) return Math.min(...starts);
  const quoted =
    event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted ? event.valueStart - 1 : event.valueStart;
}

function findLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') starts.push(i + 1);
  }
  return starts;
}

function toPosition(offset: number, lineStarts: number[]): YamlPosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}
