/**
 * The statutory part titles of every format, read straight from the raw definitions: the
 * structurer and the content detection (which the client bundles too) need only these, and
 * esbuild then leaves the rest of the data, and the validator, out of the bundle.
 */
import { parts as parts2008 } from './data/2008.json';
import { parts as parts2019 } from './data/2019.json';
import { parts as parts2021 } from './data/2021.json';

export const partTitles: readonly string[] = [...new Set([...parts2008, ...parts2019, ...parts2021].map((part) => part.title))];

/**
 * The long titles the body text of the 2019 and 2021 formats gives parts 二 to 五
 * (「（五）政府信息公开工作存在的主要问题及改进情况」): statutory too, so a part may be titled either way.
 */
export const longPartTitles: Readonly<Record<number, string>> = {
  2: '行政机关主动公开政府信息情况',
  3: '行政机关收到和处理政府信息公开申请情况',
  4: '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  5: '政府信息公开工作存在的主要问题及改进情况',
};
