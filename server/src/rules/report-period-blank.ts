/**
 * report.period-blank — the statistical period stated with its dates left out
 * (「本报告所列数据的统计期限自至。」, 「自 年 月 日起至 年 月 日止」): a template not filled in, or dates
 * lost when the text was copied.
 */
import { say, type ReportRule, type RuleFinding } from './types';

const SPACE = '[ \\u3000]*';
const BLANK_DATE = `(?:年${SPACE}月${SPACE}日${SPACE})?`;
/** The period statement with nothing in place of its dates: group 1 is 自…至 (…止), groups 2 and 3 the 起 and 止 it keeps. */
const BLANK_PERIOD = new RegExp(
  `统计(?:期限|期间|时限|时间)(?:为|是)?${SPACE}(自${SPACE}${BLANK_DATE}(起)?${SPACE}至${SPACE}${BLANK_DATE}(止)?)(?!${SPACE}[\\d〇○零一二三四五六七八九十])`,
  'g',
);

export const reportPeriodBlank: ReportRule = {
  code: 'report.period-blank',
  defaultSeverity: 'hint',
  fixable: 'offered',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '统计期限没有填写日期', en: 'The statistical period has no dates' },
  docs: {
    finds: 'the statistical period stated without its dates (统计期限自至。)',
    fix: "fill in the title's year, 自<year>年1月1日至<year>年12月31日 (not preferred)",
  },
  check({ bound, locale }) {
    const year = bound.report.title?.year;
    const findings: RuleFinding[] = [];
    bound.report.lines.forEach((line, lineNumber) => {
      if (!line.includes('统计')) return;
      for (const match of line.matchAll(BLANK_PERIOD)) {
        const start = match.index + match[0].indexOf(match[1]);
        const range = { start: { line: lineNumber, character: start }, end: { line: lineNumber, character: start + match[1].length } };
        const filled = year && `自${year}年1月1日${match[2] ?? ''}至${year}年12月31日${match[3] ?? ''}`;
        findings.push({
          range,
          message: say(locale, '统计期限没有写明起止日期。', 'The statistical period gives no dates.'),
          related: [],
          data: {},
          fixes: filled ? [{ title: say(locale, `填写为「${filled}」`, `Fill in 「${filled}」`), edits: [{ range, newText: filled }], preferred: false }] : [],
        });
      }
    });
    return findings;
  },
};
