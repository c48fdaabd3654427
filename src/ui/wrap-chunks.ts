const PUNCTUATION = '、。';
const isSpace = (ch: string) => /\s/.test(ch);

/**
 * A help line cut where it may wrap: each chunk is the whitespace before a word, the word,
 * and any 、 or 。 after it (or a run of 、。 alone); trailing whitespace is dropped. The same
 * chunks as `line.match(/\s*(?:[^\s、。]+[、。]*|[、。]+)/g)`, null for none, but in one pass:
 * that regex rescans a run of spaces from each of its positions when nothing follows it.
 */
export function wrapChunks(line: string): string[] | null {
  const chunks: string[] = [];
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && isSpace(line[i]!)) i++;
    if (i === line.length) break;
    while (i < line.length && !isSpace(line[i]!) && !PUNCTUATION.includes(line[i]!)) i++;
    while (i < line.length && PUNCTUATION.includes(line[i]!)) i++;
    chunks.push(line.slice(start, i));
  }
  return chunks.length > 0 ? chunks : null;
}
