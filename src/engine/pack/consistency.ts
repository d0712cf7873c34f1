import { basename } from 'node:path';
import type { LocalizedText } from '../types.ts';
import type { ContentProblem } from './read-yaml.ts';
import { pointerSegment } from './yaml-positions.ts';
import type { RuleEntry } from './types.ts';
import { placeholdersOf } from '../render/template.ts';

/**
 * Checks what the rule schema cannot: the id equals the file name, both
 * languages of a message use the same placeholders, titles have no trailing
 * period and messages end with one.
 */
export function checkEntryConsistency(data: unknown, file: string): ContentProblem[] {
  const entry = data as RuleEntry;
  const problems: ContentProblem[] = [];
  const expectedId = basename(file, '.yaml');
  if (entry.id !== expectedId) {
    problems.push({
      pointer: '/id',
      message: `The rule id \`${entry.id}\` must equal the file name \`${expectedId}\`.`,
    });
  }
  problems.push(...checkTitle(entry.title));
  for (const [messageId, text] of Object.entries(entry.messages)) {
    problems.push(...checkMessage(`/messages/${pointerSegment(messageId)}`, messageId, text));
  }
  return problems;
}

function checkTitle(title: LocalizedText): ContentProblem[] {
  return (['en', 'vi'] as const)
    .filter((language) => title[language].trimEnd().endsWith('.'))
    .map((language) => ({
      pointer: `/title/${language}`,
      message: 'A rule title is imperative and has no trailing period.',
    }));
}

function checkMessage(pointer: string, messageId: string, text: LocalizedText): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const language of ['en', 'vi'] as const) {
    if (!text[language].trimEnd().endsWith('.')) {
      problems.push({
        pointer: `${pointer}/${language}`,
        message: `The ${language} text of message \`${messageId}\` must be a sentence ending with a period.`,
      });
    }
  }
  const english = [...placeholdersOf(text.en)].sort().join(', ');
  const vietnamese = [...placeholdersOf(text.vi)].sort().join(', ');
  if (english !== vietnamese) {
    problems.push({
      pointer,
      message:
        `Message \`${messageId}\` uses placeholders {${english}} in English ` +
        `but {${vietnamese}} in Vietnamese; both languages need the same ones.`,
    });
  }
  return problems;
}
