import { describe, expect, it } from 'vitest';
import { expressionOf, range } from './helpers.ts';

const v = (name: string) => ({ kind: 'variable', name });
const lit = (value: unknown) => ({ kind: 'literal', value });
const text = (value: string) => ({ kind: 'template', parts: [{ kind: 'literal', text: value }] });

/** Expression source after `x = `, and the expected AST shape (checked with toMatchObject). */
const cases: Array<[string, unknown]> = [
  ['42', lit(42)],
  ['1.5e3', lit(1500)],
  ['true', lit(true)],
  ['false', lit(false)],
  ['null', lit(null)],
  ['"plain"', text('plain')],
  ['""', text('')],
  ['"a\\"b\\\\c\\n\\t\\u00e9\\U0001F600"', text('a"b\\c\n\té😀')],
  ['"cost $${PRICE} %%{x}"', text('cost ${PRICE} %{x}')],
  ['"id-${var.name}-x"', {
    kind: 'template',
    parts: [
      { kind: 'literal', text: 'id-' },
      { kind: 'interpolation', expression: { kind: 'getattr', object: v('var'), name: 'name' } },
      { kind: 'literal', text: '-x' },
    ],
  }],
  ['"a ${~ b ~} c"', {
    kind: 'template',
    parts: [{ kind: 'literal', text: 'a' }, { kind: 'interpolation', expression: v('b') }, { kind: 'literal', text: 'c' }],
  }],
  ['"%{ if a }yes%{ else }no%{ endif }"', {
    kind: 'template',
    parts: [{ kind: 'if', condition: v('a'), then: [{ kind: 'literal', text: 'yes' }], otherwise: [{ kind: 'literal', text: 'no' }] }],
  }],
  ['"%{ for k, s in m }${s},%{ endfor }"', {
    kind: 'template',
    parts: [{
      kind: 'for', keyVariable: 'k', valueVariable: 's', collection: v('m'),
      body: [{ kind: 'interpolation', expression: v('s') }, { kind: 'literal', text: ',' }],
    }],
  }],
  ['[]', { kind: 'tuple', items: [] }],
  ['[1, "a", b,]', { kind: 'tuple', items: [lit(1), text('a'), v('b')] }],
  ['{}', { kind: 'object', items: [] }],
  ['{ a = 1, "b" : 2 }', {
    kind: 'object',
    items: [{ key: v('a'), value: lit(1) }, { key: text('b'), value: lit(2) }],
  }],
  ['{ (k) = 1 }', {
    kind: 'object',
    items: [{ key: { kind: 'template', parts: [{ kind: 'interpolation', expression: v('k') }] }, value: lit(1) }],
  }],
  ['{ (var.x) = 1 }', {
    kind: 'object',
    items: [{ key: { kind: 'getattr', object: v('var'), name: 'x' }, value: lit(1) }],
  }],
  ['aws_subnet.mgmt.id', { kind: 'getattr', object: { kind: 'getattr', object: v('aws_subnet'), name: 'mgmt' }, name: 'id' }],
  ['l[0]', { kind: 'index', object: v('l'), key: lit(0) }],
  ['m["k"]', { kind: 'index', object: v('m'), key: text('k') }],
  ['l.1', { kind: 'index', object: v('l'), key: lit(1) }],
  ['l[*].id', { kind: 'splat', object: v('l'), each: { kind: 'getattr', object: { kind: 'splat-item' }, name: 'id' } }],
  ['l[*].a[0]', {
    kind: 'splat',
    object: v('l'),
    each: { kind: 'index', object: { kind: 'getattr', object: { kind: 'splat-item' }, name: 'a' }, key: lit(0) },
  }],
  ['l.*.id', { kind: 'splat', object: v('l'), each: { kind: 'getattr', object: { kind: 'splat-item' }, name: 'id' } }],
  ['f()', { kind: 'call', name: 'f', args: [], expandFinal: false }],
  ['concat(a, b...)', { kind: 'call', name: 'concat', args: [v('a'), v('b')], expandFinal: true }],
  ['provider::aws::arn_parse(a)', { kind: 'call', name: 'provider::aws::arn_parse', args: [v('a')] }],
  ['a ? b : c', { kind: 'conditional', condition: v('a'), then: v('b'), otherwise: v('c') }],
  ['a ? b : c ? d : e', {
    kind: 'conditional', condition: v('a'), then: v('b'),
    otherwise: { kind: 'conditional', condition: v('c'), then: v('d'), otherwise: v('e') },
  }],
  ['(a ? b : c) ? d : e', {
    kind: 'conditional', condition: { kind: 'conditional', condition: v('a') }, then: v('d'), otherwise: v('e'),
  }],
  ['a ? b ? c : d : e', { kind: 'conditional', condition: v('a'), then: { kind: 'conditional', condition: v('b') }, otherwise: v('e') }],
  ['a + b * c', { kind: 'binary', operator: '+', left: v('a'), right: { kind: 'binary', operator: '*', left: v('b'), right: v('c') } }],
  ['a * b + c', { kind: 'binary', operator: '+', left: { kind: 'binary', operator: '*' }, right: v('c') }],
  ['a - b - c', { kind: 'binary', operator: '-', left: { kind: 'binary', operator: '-', left: v('a'), right: v('b') }, right: v('c') }],
  ['(a + b) * c', { kind: 'binary', operator: '*', left: { kind: 'binary', operator: '+' }, right: v('c') }],
  ['a == b && c != d || e', {
    kind: 'binary', operator: '||',
    left: { kind: 'binary', operator: '&&', left: { kind: 'binary', operator: '==' }, right: { kind: 'binary', operator: '!=' } },
    right: v('e'),
  }],
  ['a < b && c >= d', { kind: 'binary', operator: '&&', left: { kind: 'binary', operator: '<' }, right: { kind: 'binary', operator: '>=' } }],
  ['a % 2 <= 1', { kind: 'binary', operator: '<=', left: { kind: 'binary', operator: '%' }, right: lit(1) }],
  ['a / b > c', { kind: 'binary', operator: '>', left: { kind: 'binary', operator: '/' } }],
  ['!a', { kind: 'unary', operator: '!', operand: v('a') }],
  ['-a.b + c', { kind: 'binary', operator: '+', left: { kind: 'unary', operator: '-', operand: { kind: 'getattr', name: 'b' } }, right: v('c') }],
  ['[for s in l : upper(s) if s != ""]', {
    kind: 'for', result: 'tuple', valueVariable: 's', collection: v('l'),
    value: { kind: 'call', name: 'upper' }, condition: { kind: 'binary', operator: '!=' }, grouping: false,
  }],
  ['{ for k, s in m : s.zone => k... }', {
    kind: 'for', result: 'object', keyVariable: 'k', valueVariable: 's', collection: v('m'),
    key: { kind: 'getattr', name: 'zone' }, value: v('k'), grouping: true,
  }],
  ['{ for k, s in m : k => s }', { kind: 'for', result: 'object', grouping: false }],
];

describe('HCL expressions', () => {
  it.each(cases)('converts %s', async (source, expected) => {
    expect(await expressionOf(source)).toMatchObject(expected as object);
  });

  it('omits keyVariable for a single for variable', async () => {
    const expression = await expressionOf('[for s in l : s]');
    expect(expression).not.toHaveProperty('keyVariable');
  });
});

describe('heredocs', () => {
  it('keeps the text of a plain heredoc', async () => {
    expect(await expressionOf('<<EOT\n  one\n    two ${x}\nEOT')).toMatchObject({
      kind: 'template',
      parts: [{ kind: 'literal', text: '  one\n    two ' }, { kind: 'interpolation', expression: v('x') }, { kind: 'literal', text: '\n' }],
    });
  });

  it('strips the common indentation of <<-', async () => {
    expect(await expressionOf('<<-EOT\n    one\n\n      two\n    EOT')).toMatchObject(text('one\n\n  two\n'));
  });

  it('counts a line that starts with an interpolation as unindented', async () => {
    expect(await expressionOf('<<-EOT\n  one\n${x}\n  EOT')).toMatchObject({
      parts: [{ kind: 'literal', text: '  one\n' }, { kind: 'interpolation' }, { kind: 'literal', text: '\n' }],
    });
  });

  it('keeps backslashes and decodes $${', async () => {
    expect(await expressionOf('<<EOT\na\\nb $${c}\nEOT')).toMatchObject(text('a\\nb ${c}\n'));
  });

  it('reads an empty heredoc', async () => {
    expect(await expressionOf('<<EOT\nEOT')).toMatchObject(text(''));
  });

  it('applies strip markers to directives', async () => {
    const source = '<<EOT\n%{ for s in l ~}\n${s}\n%{~ endfor ~}\nend\nEOT';
    expect(await expressionOf(source)).toMatchObject({
      parts: [
        { kind: 'for', valueVariable: 's', body: [{ kind: 'interpolation', expression: v('s') }] },
        { kind: 'literal', text: 'end\n' },
      ],
    });
  });
});

describe('expression locations', () => {
  it('locates nested expressions with 1-based columns', async () => {
    const expression = await expressionOf('f(a.b, [1, c])');
    expect(expression.location.range).toEqual(range([1, 5], [1, 19]));
    expect(expression).toMatchObject({
      args: [
        { location: { file: '/config/main.tf', range: range([1, 7], [1, 10]) }, object: { location: { range: range([1, 7], [1, 8]) } } },
        { location: { range: range([1, 12], [1, 18]) }, items: [{ location: { range: range([1, 13], [1, 14]) } }, { location: { range: range([1, 16], [1, 17]) } }] },
      ],
    });
  });

  it('spans a rebuilt conditional chain', async () => {
    const expression = await expressionOf('a ? b : c ? d : e');
    expect(expression.location.range).toEqual(range([1, 5], [1, 22]));
    expect(expression).toMatchObject({ otherwise: { location: { range: range([1, 13], [1, 22]) } } });
  });

  it('includes parentheses in the location', async () => {
    const expression = await expressionOf('(a + b) * c');
    expect(expression).toMatchObject({ left: { location: { range: range([1, 5], [1, 12]) } } });
  });

  it('locates a heredoc from marker to terminator', async () => {
    const expression = await expressionOf('<<EOT\nline\nEOT');
    expect(expression.location.range).toEqual(range([1, 5], [3, 4]));
  });
});
