import fc from 'fast-check';

/**
 * Generators of hostile input. HCL-ish text comes from a grammar of
 * Terraform's tokens, so most inputs get past the lexer and reach the
 * evaluator; the token soup and raw bytes cover everything else.
 */

const names = fc.constantFrom('a', 'b', 'cidr', 'ports', 'x');
const reference = fc.oneof(
  names.map((name) => `var.${name}`),
  names.map((name) => `local.${name}`),
  fc.constantFrom('each.key', 'each.value', 'count.index', 'path.module', 'self.id', 'aws_vpc.main.id', 'aws_vpc.main[0].cidr_block', 'module.m.out'),
);
const number = fc.oneof(
  fc.integer({ min: -70_000, max: 70_000 }).map(String),
  fc.constantFrom('0', '1e308', '1e309', '-0', '0.5', '65535', '65536', '4294967296', '9007199254740993'),
);
const stringChars = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '::/0', '256.1.1.1/33', '${', '%{', '$${x}', '\\u0000', '\\"', 'tcp', '-1', '22-', '*', 'é', '🔥'),
);
const quoted = stringChars.map((text) => JSON.stringify(text).replace(/\\\\/g, '\\'));
const FUNCTIONS = [
  'cidrsubnet', 'cidrhost', 'cidrnetmask', 'cidrsubnets', 'format', 'formatlist', 'join', 'split', 'lookup', 'element',
  'length', 'tolist', 'toset', 'tomap', 'tonumber', 'tostring', 'jsonencode', 'jsondecode', 'yamldecode', 'base64decode',
  'regex', 'regexall', 'replace', 'range', 'merge', 'flatten', 'try', 'can', 'coalesce', 'max', 'min', 'substr',
  'zipmap', 'keys', 'values', 'upper', 'concat', 'contains', 'distinct', 'setproduct', 'templatefile', 'file',
  'fileexists', 'abspath', 'one', 'sum', 'pow', 'parseint', 'strrev', 'chunklist', 'slice', 'transpose', 'nosuchfunction',
];
const FILE_PATHS = ['"x.txt"', '"../x"', '"/dev/null"', '"/dev/zero"', '"/dev/urandom"', '"."', '""', 'path.module'];

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    quoted,
    reference,
    fc.constantFrom('true', 'false', 'null', '[]', '{}'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||'), tie('expr')).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(fc.constantFrom('!', '-'), tie('expr')).map(([op, e]) => `${op}${e}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, t, f]) => `${c} ? ${t} : ${f}`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('file', 'templatefile', 'fileexists'), fc.constantFrom(...FILE_PATHS)).map(([f, p]) => (f === 'templatefile' ? `${f}(${p}, {})` : `${f}(${p})`)),
    fc.array(tie('expr'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(names, tie('expr')), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(tie('expr'), tie('expr')).map(([c, i]) => `${c}[${i}]`),
    fc.tuple(tie('expr'), names).map(([o, n]) => `${o}.${n}`),
    tie('expr').map((e) => `${e}[*].id`),
    fc.tuple(tie('expr'), tie('expr')).map(([c, b]) => `[for k, v in ${c} : ${b} if v != null]`),
    fc.tuple(tie('expr'), tie('expr')).map(([c, b]) => `{ for k, v in ${c} : k => ${b}... }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `"pre-\${${a}}-%{ if ${b} }y%{ else }n%{ endif }"`),
    tie('expr').map((e) => `"%{ for x in ${e} }\${x},%{ endfor }"`),
    tie('expr').map((e) => `(${e})`),
    fc.constantFrom('<<EOT\nline ${var.a}\nEOT\n', '<<-EOT\n    indented\n  EOT\n'),
  ),
})).expr;

/** A Terraform file whose values are random expressions, in the places the mapping reads. */
export const hclDocument: fc.Arbitrary<string> = fc
  .tuple(expression, expression, expression, expression, expression, expression)
  .map(
    ([a, b, cidr, from, to, count]) => `variable "a" {
  default = ${a}
}

locals {
  b     = ${b}
  cidr  = local.b
  ports = [for p in [22, 80] : p]
}

resource "aws_vpc" "main" {
  cidr_block = ${cidr}
}

resource "aws_subnet" "dmz" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  tags       = { Zone = ${b} }
}

resource "aws_security_group" "g" {
  count  = ${count}
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = ${a}
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = [${cidr}]
  }
}
`,
  );

const TOKENS = [
  'resource', 'variable', 'locals', 'module', 'dynamic', 'content', 'for_each', 'count', '"aws_security_group"', '"g"',
  '{', '}', '[', ']', '(', ')', '=', '==', '=>', ':', '?', ',', '.', '...', '*', '"', '${', '%{', '}', '<<EOT', 'EOT',
  '<<-X', 'X', '#', '//', '/*', '*/', '\n', '\r\n', '\t', ' ', 'var.a', 'local.b', '0', '1.5e3', 'true', 'null', 'for',
  'in', 'if', 'endif', 'endfor', '\\', '\u0000', '\ufeff', 'é',
];
/** Token soup: Terraform's tokens in any order, unbalanced brackets and unterminated strings included. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(' '));

export const randomBytes: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 });

/** Any JSON value, and strings with escapes and lone surrogates. */
const jsonValue = fc.jsonValue({ maxDepth: 4 });

/** A `.tf.json` document: sometimes Terraform-shaped, sometimes any JSON. */
export const tfJsonDocument: fc.Arbitrary<string> = fc.oneof(
  jsonValue.map((value) => JSON.stringify(value)),
  fc.tuple(jsonValue, jsonValue).map(([ingress, tags]) =>
    JSON.stringify({
      resource: { aws_security_group: { g: { ingress, tags } }, aws_subnet: { s: { cidr_block: tags } } },
      locals: { b: ingress },
      variable: { a: { default: tags } },
    }),
  ),
  fc.string({ maxLength: 80 }),
);

const CONFIG_KEYS = ['severityThreshold', 'failOnUnknown', 'zones', 'profiles', 'rules', 'waivers', 'language', 'names', 'tags', 'cidrs', 'zone', 'reason', 'rule', 'address', 'path', 'expires', 'parameters', 'enabled', 'severity'];
const yamlScalar = fc.oneof(
  fc.constantFrom('high', 'critical', 'yes', 'no', '~', 'null', '2026-13-45', '"10.0.0.0/8"', "'*'", '&a x', '*a', '!!binary AA==', '|', '>-', '[', '{', '- -', ': :', '\t'),
  fc.string({ maxLength: 10 }),
  fc.integer().map(String),
);
const yamlLine = fc
  .tuple(fc.nat({ max: 6 }), fc.constantFrom(...CONFIG_KEYS, '-', '- rule'), yamlScalar)
  .map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`);
/** YAML-ish config text built from the config's own keys, indented at random. */
export const yamlConfig: fc.Arbitrary<string> = fc.oneof(
  fc.array(yamlLine, { maxLength: 12 }).map((lines) => lines.join('\n')),
  jsonValue.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 80 }),
);

/** Plan JSON with a supported format version and random values where the loader looks. */
export const planDocument: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('0.1', '1.0', '1.2', '2.0', '', '1', 'x'), jsonValue, jsonValue, jsonValue).map(([version, values, changes, configuration]) =>
    JSON.stringify({
      format_version: version,
      terraform_version: '1.9.0',
      planned_values: { root_module: { resources: [{ address: 'aws_security_group.g', mode: 'managed', type: 'aws_security_group', name: 'g', values }] } },
      resource_changes: changes,
      configuration,
    }),
  ),
  jsonValue.map((value) => JSON.stringify({ format_version: '1.2', planned_values: value })),
  jsonValue.map((value) => JSON.stringify(value)),
);
