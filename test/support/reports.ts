import { formatById } from '../../server/src/formats';
import { renderReport } from '../../server/src/template/text';

/**
 * A consistent 2021-format report of 某某县人民政府 whose 二、上年结转 and 四、结转下年度继续办理 hold
 * the given numbers (自然人 and 总计): a pair of years for the report.carry-over tests.
 */
export function carryOverReport(year: number, carriedIn: number, carriedOut: number): string {
  const lines = renderReport(formatById('2021'), { organ: '某某县人民政府', year, syntax: 'tsv', number: () => '0' });
  const set = (label: string, value: number) => {
    // A row beside a heading spanning it (三、本年度办理结果) has that heading's label before its own.
    const i = lines.findIndex((l) => l.split('\t').includes(label));
    // The row's seven numbers after its label columns: 自然人, five kinds of 法人或其他组织, 总计.
    lines[i] = [...lines[i].split('\t').slice(0, -7), value, 0, 0, 0, 0, 0, value].join('\t');
  };
  set('二、上年结转政府信息公开申请数量', carriedIn);
  set('四、结转下年度继续办理', carriedOut);
  set('一、本年新收政府信息公开申请数量', carriedOut);
  set('（一）予以公开', carriedIn);
  set('（七）总计', carriedIn);
  return lines.join('\n');
}
