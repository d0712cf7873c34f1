/** Case-insensitive glob match where `*` is any run of characters and `?` is one character. */
export function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'i').test(text);
}
