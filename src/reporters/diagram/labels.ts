import type { Language } from '../../engine/types.ts';
import type { ZoneNode } from './graph.ts';

/** Display names of the diagram's nodes, in both languages of the pack. */
const NODE_LABELS: Record<Language, Record<ZoneNode, string>> = {
  en: {
    internet: 'Internet',
    outside: 'Outside networks',
    dmz: 'DMZ',
    'internet-access': 'Internet access',
    internal: 'Internal servers',
    management: 'Management',
    'user-wired': 'Users (wired)',
    'user-wireless': 'Users (wireless)',
    partner: 'Partners',
    unclassified: 'Unclassified',
  },
  vi: {
    internet: 'Internet',
    outside: 'Mạng bên ngoài',
    dmz: 'DMZ',
    'internet-access': 'Truy cập Internet',
    internal: 'Máy chủ nội bộ',
    management: 'Quản trị',
    'user-wired': 'Người dùng (có dây)',
    'user-wireless': 'Người dùng (không dây)',
    partner: 'Đối tác',
    unclassified: 'Chưa phân vùng',
  },
};

const BREAKS: Record<Language, string> = { en: 'breaks', vi: 'vi phạm' };

/** Names a node for display, with its zone kind when the name differs: `Internal servers (internal)`. */
export function nodeLabel(node: ZoneNode, language: Language): string {
  const name = NODE_LABELS[language][node];
  return name.toLowerCase() === node ? name : `${name} (${node})`;
}

/** Splits an edge label into lines: the services, then the broken rules. */
export function edgeLabelLines(services: string, violations: string[], language: Language): string[] {
  const lines = [services === '' ? '-' : services];
  if (violations.length > 0) lines.push(`${BREAKS[language]} ${violations.join(', ')}`);
  return lines;
}
