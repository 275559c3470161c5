/**
 * The outline each seed must produce, pinned for the unit, protocol and end-to-end suites.
 * Lines are zero-based: a node spans from its heading (or caption) line to its last line.
 */
export interface ExpectedNode {
  kind: 'title' | 'section' | 'appendix' | 'table';
  name: string;
  start: number;
  end: number;
  children: ExpectedNode[];
}

const node =
  (kind: ExpectedNode['kind']) =>
  (name: string, start: number, end: number, children: ExpectedNode[] = []): ExpectedNode => ({ kind, name, start, end, children });
const title = node('title');
const section = node('section');
const appendix = node('appendix');
const table = node('table');

export const seedOutlines: Record<string, ExpectedNode[]> = {
  '000_cf77e8731c91250a.txt': [
    title('隆德县联财镇 2019 年政府信息公开工作年度报告', 2, 4),
    section('一、2019 年联财镇政府信息公开总体情况', 6, 30, [
      section('（一）加强组织领导，建立健全工作机制', 10, 10),
      section('（二）大力开展宣传培训力度', 12, 12),
      section('（三）严格落实公文属性标识', 14, 16),
      section('（四）加强载体建设，提升公开保障能力', 18, 18),
      section('（五）加强政务公开平台的应用', 20, 20),
      section('（六）政府信息公开情况', 22, 22),
      section('（七）主动公开政府信息情况', 24, 26),
      section('（八）回应群众、严格规范政务公开工作', 28, 30),
    ]),
    section('二、主动公开政府信息情况', 32, 52, [
      table('第二十条第（一）项', 34, 37),
      table('第二十条第（五）项', 38, 41),
      table('第二十条第（六）项', 42, 46),
      table('第二十条第（八）项', 47, 49),
      table('第二十条第（九）项', 50, 52),
    ]),
    section('三、收到和处理政府信息公开申请情况', 54, 84, [table('表三 收到和处理政府信息公开申请情况', 56, 84)]),
    section('四、政府信息公开行政复议、行政诉讼情况', 86, 91, [table('表四 政府信息公开行政复议、行政诉讼情况', 88, 91)]),
    section('五、存在的问题及下一步打算', 93, 99),
  ],
  '001_6ba39ebe6f690d1f.txt': [
    title('九皋镇人民政府2020年政府信息公开工作年度报告', 2, 2),
    section('一、总体情况', 4, 12, [
      section('(一) 加强组织领导，形成工作合力', 6, 6),
      section('(二) 精心安排部署，确保政务公开高质量', 8, 8),
      section('(三) 严把质量关，认真做好《基层政务公开标准目录》编制工作', 10, 10),
      section('(四) 用好公开载体，丰富政务信息公开形式', 12, 12),
    ]),
    section('二、主动公开政府信息情况', 14, 33, [
      table('第二十条第（一）项', 16, 19),
      table('第二十条第（五）项', 20, 23),
      table('第二十条第（六）项', 24, 27),
      table('第二十条第（八）项', 28, 30),
      table('第二十条第（九）项', 31, 33),
    ]),
    section('三、收到和处理政府信息公开申请情况', 35, 63, [table('表三 收到和处理政府信息公开申请情况', 37, 63)]),
    section('四、政府信息公开行政复议、行政诉讼情况', 65, 70, [table('表四 政府信息公开行政复议、行政诉讼情况', 67, 70)]),
    section('五、存在的主要问题及改进情况', 72, 76),
    section('六、其他需要报告的事项', 78, 80),
  ],
  '002_bc6bcd97b1a1f0b8.txt': [
    title('平罗县陶乐镇人民政府 2017 年政府信息公开工作年度报告', 2, 4),
    section('一、概述', 6, 47, [
      section('（一）建立健全组织机构，科学制定发展规划', 10, 16),
      section('（二）加强政务公开制度建设，全面提高工作规范化进行', 18, 25),
      section('（三）强化政务公开平台、载体建设，扩大公开覆盖面', 27, 29),
      section('（四）以“以会代培”、“一对一”精准培训等模式提高工作水平', 31, 39),
      section('（五）加强宣传引导，营造浓厚氛围', 41, 47),
    ]),
    section('二、推进重点领域政府信息公开情况', 49, 51),
    section('三、主动公开政府信息情况', 53, 67),
    section('四、依申请公开政府信息和不予公开政府信息情况', 69, 71),
    section('五、政策解读情况', 73, 81),
    section('六、回应社会关切情况', 83, 85),
    section('七、各级人大代表建议办理结果公开情况', 87, 89),
    section('八、存在的问题与2018年工作思路', 91, 119, [section('（一）存在问题', 93, 97), section('（二）2018 年工作思路', 99, 119)]),
    appendix('附件 政府信息公开情况统计表', 121, 208, [table('政府信息公开情况统计表', 129, 198)]),
  ],
  '003_721881aa274abb1a.txt': [
    title('柴河镇人民政府 2019 年度政府信息公开工作年度报告', 2, 4),
    section('一、总体情况', 6, 18, [section('（一）强化工作部署', 12, 14), section('（二）强化制度约束', 16, 16), section('（三）强化信息公开', 18, 18)]),
    section('二、主动公开政府信息情况', 20, 40, [
      table('第二十条第（一）项', 22, 26),
      table('第二十条第（五）项', 27, 30),
      table('第二十条第（六）项', 31, 34),
      table('第二十条第（八）项', 35, 37),
      table('第二十条第（九）项', 38, 40),
    ]),
    section('三、收到和处理政府信息公开申请情况', 42, 72, [table('表三 收到和处理政府信息公开申请情况', 44, 72)]),
    section('四、政府信息公开行政复议、行政诉讼情况', 74, 81, [table('表四 政府信息公开行政复议、行政诉讼情况', 76, 81)]),
    section('五、存在的主要问题及改进情况', 83, 95, [
      section('（一）配强队伍，确保信息工作有人抓', 89, 89),
      section('（二）细化任务，明确信息工作怎么抓', 91, 91),
      section('（三）强化保障，做到信息工作抓得实', 93, 95),
    ]),
    section('六、其他需要报告的事项', 97, 99),
  ],
  '004_5af3a546c32e05da.txt': [
    title('沙坡头区宣和镇 2021 年政府信息公开工作年度报告', 2, 4),
    section('一、总体情况', 6, 20, [
      section('(一)主动公开', 10, 12),
      section('（二）依申请公开', 14, 14),
      section('（三）政府信息管理', 16, 16),
      section('（四）政府信息公开平台建设', 18, 18),
      section('（五）监督保障', 20, 20),
    ]),
    section('二、主动公开政府信息情况', 22, 37, [
      table('第二十条第（一）项', 24, 27),
      table('第二十条第（五）项', 28, 30),
      table('第二十条第（六）项', 31, 34),
      table('第二十条第（八）项', 35, 37),
    ]),
    section('三、收到和处理政府信息公开申请情况', 39, 60, [table('表三 收到和处理政府信息公开申请情况', 41, 60)]),
    section('五、存在的主要问题及改进情况', 62, 66),
    section('六、其他需要报告的事项', 68, 70),
  ],
};
