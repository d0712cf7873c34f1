import type { Finding, Language, RuleMeta, RuleReport } from '../types.ts';
import { defaultParameterNote } from './default-note.ts';
import { fingerprintOf } from './fingerprint.ts';
import { renderTemplate } from './template.ts';

/** A message id the rule reported that its pack entry does not define: a rule bug. */
export class UnknownMessageError extends Error {
  constructor(ruleId: string, messageId: string) {
    super(`Rule ${ruleId} reported message id \`${messageId}\`, which its pack entry does not define.`);
    this.name = 'UnknownMessageError';
  }
}

/**
 * Turns a rule's report into a finding: the message rendered in `language`
 * with English kept, severity and articles from the configured metadata (a
 * report's own severity yields to one set in the config), the
 * default-parameter note, and the fingerprint.
 */
export function toFinding(
  meta: RuleMeta,
  report: RuleReport,
  language: Language,
  severityFromConfig = false,
): Finding {
  const template = meta.messages[report.messageId];
  if (!template) throw new UnknownMessageError(meta.id, report.messageId);
  const restsOn = (report.restsOn ?? []).filter((name) => meta.defaultParameters.includes(name));
  const messageIn = (lang: Language): string =>
    withNote(renderTemplate(template[lang], report.data), restsOn, lang);

  return {
    ruleId: meta.id,
    status: report.status,
    severity: severityFromConfig ? meta.severity : (report.severity ?? meta.severity),
    articles: meta.articles,
    title: meta.title[language],
    message: messageIn(language),
    remediation: meta.remediation[language],
    english: { title: meta.title.en, message: messageIn('en'), remediation: meta.remediation.en },
    messageId: report.messageId,
    data: report.data,
    address: report.address,
    ...(report.origin.constructPath === undefined
      ? {}
      : { constructPath: report.origin.constructPath }),
    location: report.location ?? report.origin.location,
    related: report.related ?? [],
    evidence: report.evidence ?? [],
    fingerprint: fingerprintOf(meta.id, report.address, report.detail),
    restsOn,
    ...(report.fix === undefined ? {} : { fix: report.fix }),
  };
}

function withNote(message: string, restsOn: string[], language: Language): string {
  if (restsOn.length === 0) return message;
  return `${message} ${defaultParameterNote(restsOn, language)}`;
}
