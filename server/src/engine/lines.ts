/** Splits text into lines without their line breaks; CRLF, LF and lone CR alike. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
