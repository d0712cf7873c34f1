/**
 * Community end-of-life dates of database engine major versions, as the
 * projects publish them (PostgreSQL's five-year policy, Oracle's MySQL
 * lifecycle, MariaDB's release maintenance). Managed services may extend
 * support for a fee; the regulation asks for current versions, so the
 * community date counts. Versions missing from the table are newer and pass.
 */
const END_OF_LIFE: Record<string, Record<string, string>> = {
  postgres: {
    '9.5': '2021-02-11',
    '9.6': '2021-11-11',
    '10': '2022-11-10',
    '11': '2023-11-09',
    '12': '2024-11-14',
    '13': '2025-11-13',
    '14': '2026-11-12',
    '15': '2027-11-11',
    '16': '2028-11-09',
    '17': '2029-11-08',
  },
  mysql: {
    '5.6': '2021-02-01',
    '5.7': '2023-10-31',
    '8.0': '2026-04-30',
    '8.4': '2032-04-30',
  },
  mariadb: {
    '10.3': '2023-05-25',
    '10.4': '2024-06-18',
    '10.5': '2025-06-24',
    '10.6': '2026-07-06',
    '10.11': '2028-02-16',
    '11.4': '2029-05-29',
  },
};

/** The major version as the table keys it: `13.7` → `13`, `9.6.24` → `9.6`, `5.7.44` → `5.7`. */
export function majorVersion(product: string, version: string): string {
  const parts = version.split('.');
  const first = parts[0] ?? '';
  if (product === 'postgres' && Number(first) >= 10) return first;
  return parts.slice(0, 2).join('.');
}

/** The end-of-life date of a version, `YYYY-MM-DD`, when the table knows it. */
export function endOfLife(product: string, version: string): string | undefined {
  return END_OF_LIFE[product]?.[majorVersion(product, version)];
}
