import type { Language, Severity } from '../../engine/types.ts';
import type { ComplianceNote, ComplianceStatus } from './compliance.ts';

/** The fixed words of the HTML report, in both languages of the pack. */
export interface HtmlLabels {
  title: string;
  scannedAt: string;
  root: string;
  tool: string;
  files: string;
  severity: Record<Severity, string>;
  notEvaluated: string;
  suppressed: string;
  diagram: string;
  noDiagram: string;
  matrix: string;
  matrixHeaders: { site: string; from: string; to: string; services: string; violations: string };
  noFlows: string;
  byRule: string;
  byArticle: string;
  noFindings: string;
  location: string;
  message: string;
  remediation: string;
  evidence: string;
  compliance: string;
  complianceHeaders: { requirement: string; articles: string; status: string; evidence: string };
  status: Record<ComplianceStatus, string>;
  note: (note: ComplianceNote) => string;
  unknownStatus: string;
}

const ENGLISH: HtmlLabels = {
  title: 'zoneguard report',
  scannedAt: 'Scanned at',
  root: 'Root',
  tool: 'Tool',
  files: 'Files scanned',
  severity: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' },
  notEvaluated: 'Not evaluated',
  suppressed: 'Suppressed',
  diagram: 'Zones and flows',
  noDiagram: 'No sites were found, so there is no diagram.',
  matrix: 'Zone-to-zone flow matrix',
  matrixHeaders: { site: 'Site', from: 'From', to: 'To', services: 'Open services', violations: 'Breaks' },
  noFlows: 'No allowed flows were found.',
  byRule: 'Findings by rule',
  byArticle: 'Findings by article',
  noFindings: 'No findings.',
  location: 'Location',
  message: 'Message',
  remediation: 'Fix',
  evidence: 'Why reachable',
  compliance: 'Compliance by requirement',
  complianceHeaders: { requirement: 'Requirement', articles: 'Articles', status: 'Status', evidence: 'Evidence' },
  status: { pass: 'pass', fail: 'fail', 'not-applicable': 'not applicable', 'not-evidenced': 'not evidenced' },
  note: (note) => englishNote(note),
  unknownStatus: 'could not be evaluated',
};

const VIETNAMESE: HtmlLabels = {
  title: 'Báo cáo zoneguard',
  scannedAt: 'Thời điểm quét',
  root: 'Thư mục gốc',
  tool: 'Công cụ',
  files: 'Số tệp đã quét',
  severity: { critical: 'Nghiêm trọng', high: 'Cao', medium: 'Trung bình', low: 'Thấp', info: 'Thông tin' },
  notEvaluated: 'Chưa đánh giá được',
  suppressed: 'Đã miễn trừ',
  diagram: 'Các vùng và luồng truy cập',
  noDiagram: 'Không tìm thấy mạng (site) nào nên không có sơ đồ.',
  matrix: 'Ma trận luồng truy cập giữa các vùng',
  matrixHeaders: { site: 'Mạng', from: 'Từ', to: 'Đến', services: 'Dịch vụ mở', violations: 'Vi phạm' },
  noFlows: 'Không tìm thấy luồng truy cập được phép nào.',
  byRule: 'Phát hiện theo quy tắc',
  byArticle: 'Phát hiện theo điều khoản',
  noFindings: 'Không có phát hiện.',
  location: 'Vị trí',
  message: 'Nội dung',
  remediation: 'Khắc phục',
  evidence: 'Vì sao truy cập được',
  compliance: 'Mức độ tuân thủ theo yêu cầu',
  complianceHeaders: { requirement: 'Yêu cầu', articles: 'Điều khoản', status: 'Trạng thái', evidence: 'Bằng chứng' },
  status: { pass: 'đạt', fail: 'không đạt', 'not-applicable': 'không áp dụng', 'not-evidenced': 'chưa có bằng chứng' },
  note: (note) => vietnameseNote(note),
  unknownStatus: 'chưa thể đánh giá',
};

function englishNote(note: ComplianceNote): string {
  switch (note.kind) {
    case 'checked':
      return note.count === undefined
        ? `${note.ruleId} ran without a finding`
        : `${note.ruleId} checked ${note.count} ${note.collection} without a finding`;
    case 'nothing-to-check':
      return `${note.ruleId} had nothing to check (no ${note.collection})`;
    case 'skipped':
      return `${note.ruleId} was skipped by the config: ${note.reason}`;
    case 'not-in-pack':
      return `no rule ${note.ruleId} in the pack checks this requirement`;
    case 'suppressed':
      return `${note.count} suppressed ${note.count === 1 ? 'finding' : 'findings'}`;
  }
}

function vietnameseNote(note: ComplianceNote): string {
  switch (note.kind) {
    case 'checked':
      return note.count === undefined
        ? `${note.ruleId} đã chạy, không có phát hiện`
        : `${note.ruleId} đã kiểm tra ${note.count} ${note.collection}, không có phát hiện`;
    case 'nothing-to-check':
      return `${note.ruleId} không có gì để kiểm tra (không có ${note.collection})`;
    case 'skipped':
      return `${note.ruleId} bị bỏ qua theo cấu hình: ${note.reason}`;
    case 'not-in-pack':
      return `bộ quy tắc không có quy tắc ${note.ruleId} để kiểm tra yêu cầu này`;
    case 'suppressed':
      return `${note.count} phát hiện đã miễn trừ`;
  }
}

export function htmlLabelsFor(language: Language): HtmlLabels {
  return language === 'vi' ? VIETNAMESE : ENGLISH;
}
