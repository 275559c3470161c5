/**
 * Word's fields as a reader meets them — begin, code, separator, result, end — for both file
 * formats: only results show (a formula's value, a hyperlink's text), codes are kept aside to be
 * told apart (an EMBED is an object the reader cannot read).
 */
export class Fields {
  private readonly open: { code: string; showing: boolean }[] = [];
  /** Fields on the stack still in their code part: a counter, so a file of a million nested fields costs no more per character. */
  private inCode = 0;

  begin(): void {
    this.open.push({ code: '', showing: false });
    this.inCode++;
  }

  separate(): void {
    const top = this.open.at(-1);
    if (top && !top.showing) {
      top.showing = true;
      this.inCode--;
    }
  }

  /** Closes the innermost field; its code. */
  end(): string | undefined {
    const top = this.open.pop();
    if (top && !top.showing) this.inCode--;
    return top?.code;
  }

  /** Whether text met now shows: it is in no field's code. */
  get showing(): boolean {
    return this.inCode === 0;
  }

  addCode(text: string): void {
    const top = this.open.at(-1);
    if (top && !top.showing) top.code += text;
  }

  /** A field's code never runs past its paragraph: one that seems to is broken, and what follows shows rather than the rest of the document being hidden. */
  paragraphEnd(): void {
    this.open.length = 0;
    this.inCode = 0;
  }
}
