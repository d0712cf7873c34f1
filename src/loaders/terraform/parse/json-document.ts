import type { Point } from './cst.ts';

/** A JSON value with the source span of its token or brackets. */
export type JsonValue =
  | { kind: 'object'; members: JsonMember[]; start: Point; end: Point }
  | { kind: 'array'; items: JsonValue[]; start: Point; end: Point }
  | {
      kind: 'string';
      value: string;
      /** For each UTF-16 unit of `value`, its offset in the source text. */
      sourceOffsets: number[];
      start: Point;
      end: Point;
    }
  | { kind: 'number'; value: number; start: Point; end: Point }
  | { kind: 'boolean'; value: boolean; start: Point; end: Point }
  | { kind: 'null'; start: Point; end: Point };

export interface JsonMember {
  key: string;
  keyStart: Point;
  keyEnd: Point;
  value: JsonValue;
}

/** Invalid JSON, with the zero-based point where the parser stopped. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly point: Point,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A recursive-descent JSON parser that records where every key and value
 * starts and ends, which `JSON.parse` cannot. Input must not contain `\r\n`
 * pairs (the caller normalizes them), so rows count `\n` only.
 */
export class JsonDocumentParser {
  private index = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  parseDocument(): JsonValue {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return value;
  }

  /** Returns the zero-based row and UTF-16 column of a source offset. */
  pointAt(offset: number): Point {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: offset - this.lineStarts[low]! };
  }

  private fail(problem: string): never {
    throw new JsonSyntaxError(problem, this.pointAt(this.index));
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length && ' \t\n\r'.includes(this.text[this.index]!)) this.index++;
  }

  private parseValue(): JsonValue {
    this.skipWhitespace();
    const char = this.text[this.index];
    if (char === '{') return this.parseObject();
    if (char === '[') return this.parseArray();
    if (char === '"') return this.parseString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, kind] of [['true', 'boolean'], ['false', 'boolean'], ['null', 'null']] as const) {
      if (this.text.startsWith(word, this.index)) return this.parseKeyword(word, kind);
    }
    return this.fail(char === undefined ? 'the input ends where a value is expected' : `unexpected character "${char}"`);
  }

  private parseKeyword(word: string, kind: 'boolean' | 'null'): JsonValue {
    const start = this.pointAt(this.index);
    this.index += word.length;
    const end = this.pointAt(this.index);
    return kind === 'null' ? { kind, start, end } : { kind, value: word === 'true', start, end };
  }

  private parseNumber(): JsonValue {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('invalid number');
    const start = this.pointAt(this.index);
    this.index += match[0].length;
    return { kind: 'number', value: Number(match[0]), start, end: this.pointAt(this.index) };
  }

  private parseString(): Extract<JsonValue, { kind: 'string' }> {
    const start = this.pointAt(this.index);
    this.index++;
    let value = '';
    const sourceOffsets: number[] = [];
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char === '\n') this.fail('the string is not closed');
      if (char === '"') break;
      const at = this.index;
      const decoded = char === '\\' ? this.readEscape() : this.readCharacter(char);
      value += decoded;
      for (let i = 0; i < decoded.length; i++) sourceOffsets.push(at + (char === '\\' ? 0 : i));
    }
    this.index++;
    return { kind: 'string', value, sourceOffsets, start, end: this.pointAt(this.index) };
  }

  private readCharacter(char: string): string {
    if (char < ' ') this.fail('a control character must be escaped in a JSON string');
    this.index++;
    return char;
  }

  private readEscape(): string {
    const letter = this.text[this.index + 1];
    if (letter !== undefined && ESCAPES[letter] !== undefined) {
      this.index += 2;
      return ESCAPES[letter];
    }
    const hex = this.text.slice(this.index + 2, this.index + 6);
    if (letter !== 'u' || !/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid escape sequence in a string');
    this.index += 6;
    return String.fromCharCode(Number.parseInt(hex, 16));
  }

  private expect(char: string, problem: string): void {
    this.skipWhitespace();
    if (this.text[this.index] !== char) this.fail(problem);
    this.index++;
  }

  private parseArray(): JsonValue {
    const start = this.pointAt(this.index);
    this.index++;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return { kind: 'array', items, start, end: this.pointAt(this.index) };
    }
    for (;;) {
      items.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.index] === ']') break;
      this.expect(',', 'expected "," or "]" after an array element');
    }
    this.index++;
    return { kind: 'array', items, start, end: this.pointAt(this.index) };
  }

  private parseObject(): JsonValue {
    const start = this.pointAt(this.index);
    this.index++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return { kind: 'object', members, start, end: this.pointAt(this.index) };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail('expected a property name in double quotes');
      const key = this.parseString();
      this.expect(':', 'expected ":" after a property name');
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: this.parseValue() });
      this.skipWhitespace();
      if (this.text[this.index] === '}') break;
      this.expect(',', 'expected "," or "}" after a property');
    }
    this.index++;
    return { kind: 'object', members, start, end: this.pointAt(this.index) };
  }
}
