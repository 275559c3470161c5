import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodingName } from '../../client/src/encoding-label';

test('VS Code encoding ids are named as people write them (and as VS Code’s status bar shows them)', () => {
  const ids = ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'windows1252', 'iso88591', 'iso885915', 'cp866', 'koi8r', 'shiftjis', 'gbk', 'gb18030', 'unknown'];
  assert.deepEqual(ids.map(encodingName), [
    'UTF-8',
    'UTF-8',
    'UTF-16 LE',
    'UTF-16 BE',
    'Windows 1252',
    'ISO 8859-1',
    'ISO 8859-15',
    'CP 866',
    'KOI8-R',
    'Shift JIS',
    'GBK',
    'GB18030',
    'unknown',
  ]);
});

test('the notice of a GB18030 report opened as UTF-8 reads naturally in Chinese and in English', () => {
  const key = '{0} is an annual report saved in GB18030 (GBK) but opened as {1}, so its Chinese text cannot be read.';
  const zh = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'))[key] as string;
  const fill = (message: string) => message.replace('{0}', '2021.txt').replace('{1}', encodingName('utf8'));
  assert.equal(fill(zh), '2021.txt 是以 GB18030（GBK）编码保存的年度报告，但当前按 UTF-8 编码打开，中文显示为乱码，无法检查。');
  assert.equal(fill(key), '2021.txt is an annual report saved in GB18030 (GBK) but opened as UTF-8, so its Chinese text cannot be read.');
});
