/** LIMITS.textChars applied to a reader's blocks: the blocks past the limit are dropped, with a 'truncated' note. */
import { LIMITS, type Block, type ReaderNote } from './model';

export function keepTextLimit(blocks: Block[], limit: number = LIMITS.textChars): { blocks: Block[]; notes: ReaderNote[] } {
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    chars += block.kind === 'paragraph' ? block.text.length : block.rows.reduce((sum, r) => sum + r.cells.reduce((s, c) => s + c.text.length + 1, 0), 0);
    if (chars > limit) return { blocks: blocks.slice(0, i), notes: [truncatedNote(limit)] };
  }
  return { blocks, notes: [] };
}

function truncatedNote(limit: number): ReaderNote {
  return {
    code: 'truncated',
    message: {
      'zh-cn': `文档文字超过 ${limit} 字，只读取了前面部分`,
      en: `the document has more than ${limit} characters of text; only the first part was read`,
    },
  };
}
