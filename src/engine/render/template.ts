/** `{name}` placeholders of message templates. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names a template uses. */
export function placeholdersOf(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));
}

/** A template was filled with data that lacks one of its placeholders: a bug in the rule. */
export class TemplateDataError extends Error {
  constructor(
    readonly placeholder: string,
    readonly template: string,
  ) {
    super(`Message data has no value for placeholder {${placeholder}} in "${template}".`);
    this.name = 'TemplateDataError';
  }
}

/** Fills `{name}` placeholders from `data`; throws `TemplateDataError` when a value is missing. */
export function renderTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = data[name];
    if (value === undefined) throw new TemplateDataError(name, template);
    return String(value);
  });
}
