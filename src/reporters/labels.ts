import type { Language, Severity } from '../engine/types.ts';

/** The fixed words of the text report, in both languages of the pack. */
export interface ReportLabels {
  severity: Record<Severity, string>;
  fix: string;
  whyReachable: string;
  construct: string;
  related: string;
  suppressedNotShown: (count: number) => string;
  notEvaluated: (count: number) => string;
  unknownValue: string;
  unresolvedVariables: (count: number) => string;
  usedBy: string;
  filesNotScanned: (count: number) => string;
  otherDiagnostics: (count: number) => string;
  skippedRules: (count: number) => string;
  findingCount: (count: number) => string;
  noIssues: (files: number) => string;
  noFindingsButIncomplete: string;
  filesSkipped: (count: number) => string;
  resultsUnknown: (count: number) => string;
  otherErrors: (count: number) => string;
  suppressed: (count: number) => string;
  threshold: (severity: string) => string;
  /** Heading of the baseline section: findings in the baseline and entries fixed since. */
  baseline: (inBaseline: number, fixed: number) => string;
}

const ENGLISH: ReportLabels = {
  severity: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
  fix: 'Fix',
  whyReachable: 'Why reachable',
  construct: 'Construct',
  related: 'Related',
  suppressedNotShown: (n) => `${n} suppressed ${plural(n, 'finding')} not shown.`,
  notEvaluated: (n) => `Could not be evaluated until apply (${n})`,
  unknownValue: 'value',
  unresolvedVariables: (n) => `Unresolved input variables (${n})`,
  usedBy: 'used by',
  filesNotScanned: (n) => `Files not scanned (${n})`,
  otherDiagnostics: (n) => `Other diagnostics (${n})`,
  skippedRules: (n) => `Rules skipped by the config (${n})`,
  findingCount: (n) => `${n} ${plural(n, 'finding')}`,
  noIssues: (files) => `No issues found in ${files} ${plural(files, 'file')}.`,
  noFindingsButIncomplete: 'No findings in what was evaluated, but the scan is incomplete',
  filesSkipped: (n) => `${n} ${plural(n, 'file')} not scanned`,
  resultsUnknown: (n) => `${n} ${plural(n, 'result')} could not be evaluated`,
  otherErrors: (n) => `${n} ${plural(n, 'error')} reported`,
  suppressed: (n) => `${n} suppressed`,
  threshold: (severity) => `threshold ${severity}`,
  baseline: (n, fixed) =>
    `Baseline: ${n} ${plural(n, 'finding')} in baseline (not counted), ${fixed} baseline ${fixed === 1 ? 'entry' : 'entries'} fixed since`,
};

const VIETNAMESE: ReportLabels = {
  severity: {
    critical: 'NGHIÊM TRỌNG',
    high: 'CAO',
    medium: 'TRUNG BÌNH',
    low: 'THẤP',
    info: 'THÔNG TIN',
  },
  fix: 'Khắc phục',
  whyReachable: 'Vì sao truy cập được',
  construct: 'Construct',
  related: 'Liên quan',
  suppressedNotShown: (n) => `${n} phát hiện đã được miễn trừ, không hiển thị.`,
  notEvaluated: (n) => `Chưa thể đánh giá trước khi apply (${n})`,
  unknownValue: 'giá trị',
  unresolvedVariables: (n) => `Biến đầu vào chưa có giá trị (${n})`,
  usedBy: 'được dùng bởi',
  filesNotScanned: (n) => `Tệp không được quét (${n})`,
  otherDiagnostics: (n) => `Chẩn đoán khác (${n})`,
  skippedRules: (n) => `Quy tắc bị bỏ qua theo cấu hình (${n})`,
  findingCount: (n) => `${n} phát hiện`,
  noIssues: (files) => `Không phát hiện vấn đề nào trong ${files} tệp.`,
  noFindingsButIncomplete: 'Không có phát hiện trong phần đã đánh giá, nhưng lần quét chưa đầy đủ',
  filesSkipped: (n) => `${n} tệp không được quét`,
  resultsUnknown: (n) => `${n} kết quả chưa thể đánh giá`,
  otherErrors: (n) => `${n} lỗi được báo cáo`,
  suppressed: (n) => `${n} đã miễn trừ`,
  threshold: (severity) => `ngưỡng ${severity}`,
  baseline: (n, fixed) => `Baseline: ${n} phát hiện đã có trong baseline (không tính), ${fixed} mục baseline đã được khắc phục`,
};

export function labelsFor(language: Language): ReportLabels {
  return language === 'vi' ? VIETNAMESE : ENGLISH;
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
