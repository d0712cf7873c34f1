import { describe, expect, it } from 'vitest';
import { containsSecret, maskSecret } from '../../src/engine/mask.ts';

describe('maskSecret', () => {
  it('keeps two characters and the length of a long value', () => {
    expect(maskSecret('admin12345')).toBe('ad******** (10 characters)');
  });

  it('shows nothing of a value under 8 characters', () => {
    expect(maskSecret('admin')).toBe('********');
    expect(maskSecret('1234567')).toBe('********');
    expect(maskSecret('')).toBe('********');
  });

  it('shows at most two original characters', () => {
    for (const value of ['abcdefgh', 'Sup3rS3cretValue!', 'P@ssw0rd-with-more']) {
      const masked = maskSecret(value);
      const shown = masked.replace(/\*+ \(\d+ characters\)$/, '');
      expect(shown.length).toBeLessThanOrEqual(2);
      expect(containsSecret(masked, [value.slice(0, 3)])).toBe(false);
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskSecret('🔑🔑abcdefg')).toBe('🔑🔑******** (9 characters)');
  });
});

describe('containsSecret', () => {
  it('finds a planted secret', () => {
    expect(containsSecret('the value is hunter22!', ['hunter22'])).toBe(true);
  });

  it('ignores empty secrets', () => {
    expect(containsSecret('anything', [''])).toBe(false);
  });
});
