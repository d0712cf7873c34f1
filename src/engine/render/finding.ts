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
  const constructPath = report.origin.constructPath;
  const messageIn = (lang: Language): string =>
    withConstruct(withNote(renderTemplate(template[lang], report.data), restsOn, lang), constructPath, lang);

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
    ...(constructPath === undefined ? {} : { constructPath }),
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

/**
 * Names the cdktf construct that made the resource, because a cdktf user
 * edits the program, not the synthesized JSON the location points at.
 */
function withConstruct(message: string, constructPath: string | undefined, language: Language): string {
  if (constructPath === undefined) return message;
  const label = language === 'vi' ? 'Construct trong chương trình cdktf' : 'cdktf construct';
  return `${message} (${label}: ${constructPath}.)`;
}
