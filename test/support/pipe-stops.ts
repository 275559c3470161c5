import stringWidth from 'string-width';

/**
 * Where each unescaped | of a Markdown table row stands, counted in the glyphs before it: full-width
 * ones (CJK, drawn one em wide by the CJK font) and the others (drawn by the editor's font), as
 * `full+other` per |. Rows with equal stops line up in any font.
 */
export function pipeStops(line: string): string {
  const stops: string[] = [];
  let full = 0;
  let other = 0;
  let previous = '';
  for (const char of line) {
    if (char === '|' && previous !== '\\') stops.push(`${full}+${other}`);
    const width = stringWidth(char);
    if (width === 2) full++;
    else other += width;
    previous = char;
  }
  return stops.join(' ');
}
