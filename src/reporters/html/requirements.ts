import { load } from 'js-yaml';

/** One row of the compliance matrix: a requirement of the regulation and the rules that check it. */
export interface Requirement {
  id: string;
  articles: string[];
  /** Text of the requirement, in the languages the file gives. */
  title?: { en?: string; vi?: string };
  /** Rules that check it; the rule of the same id when the file lists none. */
  rules: string[];
}

/**
 * Reads the requirement list of a pack (`articles.yaml`): a list of entries,
 * or an object whose `requirements` or `articles` key contains the list. Each
 * entry needs an `id`; `articles` (list or comma-separated text), `rules`
 * and `title` (`requirement`, text or `{ en, vi }`) are optional. Throws an
 * Error that names the entry when the file does not have this shape.
 */
export function parseRequirements(text: string, file: string): Requirement[] {
  const document = load(text) as unknown;
  const entries = Array.isArray(document) ? document : listIn(document);
  if (entries === undefined) {
    throw new Error(`${file} does not contain a list of requirements (a list, or a "requirements:" key with one).`);
  }
  return entries.map((entry, index) => requirementOf(entry, `${file} entry ${index + 1}`));
}

function listIn(document: unknown): unknown[] | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const record = document as Record<string, unknown>;
  const list = record.requirements ?? record.articles;
  return Array.isArray(list) ? list : undefined;
}

function requirementOf(entry: unknown, where: string): Requirement {
  const record = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') throw new Error(`${where} has no "id".`);
  const rules = stringList(record.rules);
  const title = titleOf(record.title ?? record.requirement);
  return {
    id: record.id,
    articles: stringList(record.articles ?? record.article),
    ...(title === undefined ? {} : { title }),
    rules: rules.length > 0 ? rules : [record.id],
  };
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

function titleOf(value: unknown): Requirement['title'] {
  if (typeof value === 'string') return { en: value };
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record.en === 'string' ? { en: record.en } : {}),
    ...(typeof record.vi === 'string' ? { vi: record.vi } : {}),
  };
}
