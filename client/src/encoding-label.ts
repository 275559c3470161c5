/** VS Code's names of the encodings that its ids do not spell out (as its status bar shows them). */
const NAMES: Record<string, string> = {
  utf8: 'UTF-8',
  utf8bom: 'UTF-8', // the byte-order mark says nothing about the Chinese text
  big5hkscs: 'Big5-HKSCS',
  cp950: 'Big5',
  eucjp: 'EUC-JP',
  euckr: 'EUC-KR',
  gb2312: 'GB 2312',
  gbk: 'GBK',
  gb18030: 'GB18030',
  macroman: 'Mac Roman',
  shiftjis: 'Shift JIS',
};

/** The name of a VS Code encoding id (`TextDocument.encoding`) as people write it: utf8 → UTF-8, windows1252 → Windows 1252. */
export function encodingName(id: string): string {
  const named = NAMES[id];
  if (named) return named;
  const match = /^(utf16|windows|iso8859|cp|koi8)(.*)$/.exec(id);
  if (!match) return id;
  const [, family, rest] = match;
  switch (family) {
    case 'utf16':
      return `UTF-16 ${rest.toUpperCase()}`;
    case 'windows':
      return `Windows ${rest}`;
    case 'iso8859':
      return `ISO 8859-${rest}`;
    case 'cp':
      return `CP ${rest}`;
    default:
      return `KOI8-${rest.toUpperCase()}`;
  }
}
