/** `$${` and `%%{` are the escaped forms of a literal `${` and `%{` in every template. */
export function decodeTemplateEscapes(raw: string): string {
  return raw.replaceAll('$${', '${').replaceAll('%%{', '%{');
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Decodes the backslash escapes of a quoted HCL string (`\n`, `\r`, `\t`, `\"`,
 * `\\`, `\uNNNN`, `\UNNNNNNNN`) and the template escapes `$${` and `%%{`. An
 * unknown escape is kept as written.
 */
export function decodeQuotedEscapes(raw: string): string {
  let output = '';
  let i = 0;
  while (i < raw.length) {
    const char = raw[i]!;
    if (char === '\\' && i + 1 < raw.length) {
      const [decoded, length] = decodeBackslash(raw, i);
      output += decoded;
      i += length;
    } else if ((char === '$' || char === '%') && raw.startsWith(`${char}${char}{`, i)) {
      output += `${char}{`;
      i += 3;
    } else {
      output += char;
      i += 1;
    }
  }
  return output;
}

/** Returns the decoded text of the escape at `at` and its length in the source. */
function decodeBackslash(raw: string, at: number): [string, number] {
  const letter = raw[at + 1]!;
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return [simple, 2];
  const digits = letter === 'u' ? 4 : letter === 'U' ? 8 : 0;
  const hex = raw.slice(at + 2, at + 2 + digits);
  if (digits > 0 && hex.length === digits && /^[0-9a-fA-F]+$/.test(hex)) {
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint <= 0x10ffff) return [String.fromCodePoint(codePoint), 2 + digits];
  }
  return [raw.slice(at, at + 2), 2];
}
