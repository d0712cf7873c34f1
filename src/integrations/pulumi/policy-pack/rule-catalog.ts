import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { Severity } from '../../../engine/types.ts';

/** What a CrossGuard policy needs to know of a rule before any resource is seen. */
export interface CatalogRule {
  id: string;
  title: string;
  description: string;
  severity: Severity;
}

const PACK_DIR = fileURLToPath(new URL('../../../../policies/tchq-2926/', import.meta.url));

/**
 * The rules of the built-in pack, read synchronously from their YAML entries:
 * a policy pack declares its policies when it is constructed, before any
 * asynchronous work can run. Rule logic still runs through the engine.
 */
export function readCatalog(dir: string = PACK_DIR): CatalogRule[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') && file !== 'pack.yaml')
    .sort()
    .map((file) => load(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, unknown>)
    .map((entry) => ({
      id: String(entry['id']),
      title: english(entry['title']),
      description: english(entry['description']),
      severity: entry['severity'] as Severity,
    }));
}

function english(text: unknown): string {
  if (typeof text === 'string') return text.trim();
  if (typeof text === 'object' && text !== null && 'en' in text) return String((text as { en: unknown }).en).trim();
  return '';
}
