import { FunctionError, type FunctionContext } from '../functions/types.ts';
import { parseHcl } from '../parse/index.ts';
import type { Value } from '../types.ts';
import type { Evaluation } from './evaluation.ts';
import { evaluate } from './expression.ts';
import type { Scope } from './scope.ts';

const TERMINATOR = 'ZONEGUARD_TEMPLATE_END';

/**
 * Renders the text of a `templatefile()` template with its variables. The
 * text is parsed as the body of a heredoc, which is the same template
 * language, and may refer only to the given variables.
 */
export function renderTemplateText(text: string, variables: Record<string, Value>, context: FunctionContext, evaluation: Evaluation): Value {
  const endsWithNewline = text.endsWith('\n');
  const file = parseHcl('templatefile()', `template = <<${TERMINATOR}\n${text}${endsWithNewline ? '' : '\n'}${TERMINATOR}\n`);
  const error = file.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  const attribute = file.body.attributes[0];
  if (error || !attribute) throw new FunctionError(`the template could not be parsed: ${error?.message ?? 'no template found'}`);
  const scope: Scope = {
    evaluation,
    names: {
      functionContext: context,
      resolveRoot: (name, location) => evaluation.fail(location, `The template refers to ${name}, which is not one of the variables passed to templatefile().`),
    },
    bindings: new Map(Object.entries(variables)),
  };
  const rendered = evaluate(attribute.expression, scope);
  if (typeof rendered !== 'string' || endsWithNewline) return rendered;
  return rendered.endsWith('\n') ? rendered.slice(0, -1) : rendered;
}

