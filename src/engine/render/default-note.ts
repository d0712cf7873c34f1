import type { Language } from '../types.ts';

/**
 * The sentence appended to a finding that rests on parameters zoneguard chose
 * (a "Default (ours)" of the regulation's requirements list).
 */
export function defaultParameterNote(parameters: string[], language: Language): string {
  const names = parameters.map((name) => `\`${name}\``).join(', ');
  if (language === 'vi') {
    return `Kết quả này dựa trên giá trị mặc định của zoneguard cho ${names}; hãy đặt giá trị trong .zoneguard.yml.`;
  }
  return `This finding rests on zoneguard's default for ${names}; set it in .zoneguard.yml.`;
}
