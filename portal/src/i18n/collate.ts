/**
 * Turkish-aware search and sort. Turkish has dotted and dotless i (İ/i, I/ı): a plain
 * toLowerCase() turns "İ" into "i̇" and "I" into "i", so "ışık" would not find "IŞIK".
 */
const collator = new Intl.Collator('tr', { sensitivity: 'base', numeric: true });

export function compareTr(a: string, b: string): number {
  return collator.compare(a, b);
}

export function searchKey(text: string): string {
  return text.toLocaleLowerCase('tr-TR').normalize('NFC');
}

/** True when every word of `query` occurs in one of `fields`, Turkish case folded. */
export function matchesSearch(query: string, fields: readonly string[]): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.map(searchKey).join('\n');
  return words.every((word) => haystack.includes(word));
}
