/**
 * The shape of a statutory format definition. Each era (2008, 2019, 2021) is one JSON data file
 * validated against this schema; the checks, hovers, fixes and templates all read these
 * definitions, so no statutory label is written anywhere else.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.regex(/^[a-z0-9_.-]+$/));
const labelled = {
  id,
  /** The statutory wording. */
  label: z.string(),
  /** Other wordings seen in real reports; matched like the label. */
  aliases: z._default(z.array(z.string()), []),
};

export const columnSchema = z.object({
  ...labelled,
  /** `count`: a non-negative whole number; `change`: may be negative (本年增/减); `amount`: money, decimals allowed; `text`: not a number (单位). */
  kind: z.enum(['count', 'change', 'amount', 'text']),
  /** The unit the statutory header declares, e.g. 万元. */
  unit: z.optional(z.string()),
  /** The header group above the column, e.g. 行政复议 over 结果维持. */
  group: z.optional(z.string()),
});

export const rowSchema = z.object({
  ...labelled,
  /** Labels the statute has replaced (2019's 规范性文件, 2021's 行政规范性文件): the row is matched, and table.label restores its label. */
  formerLabels: z._default(z.array(z.string()), []),
  /** The row this one is a sub-item of, e.g. 1.属于国家秘密 under （三）不予公开. */
  parent: z.optional(id),
  /** A heading row such as （三）不予公开 carries no numbers of its own. */
  values: z._default(z.boolean(), true),
  /** Where rows carry their own unit and kind (2008 统计表: 条, 件, 万元). */
  unit: z.optional(z.string()),
  kind: z.optional(z.enum(['count', 'amount'])),
});

/** An addend: a row or column id, or alternatives of which the first fully present one is used. */
const addend = z.union([id, z.object({ anyOf: z.array(z.array(id)) })]);

export const ruleSchema = z.discriminatedUnion('type', [
  /**
   * `across: 'columns'`: in each row, the total column is the sum of the addend columns (总计 of a
   * row). `across: 'rows'`: in each column, the total row is the sum of the addend rows. `only`
   * restricts the rule to some rows (or columns).
   */
  z.object({ type: z.literal('sum'), id, across: z.enum(['columns', 'rows']), total: id, addends: z.array(addend), only: z.optional(z.array(id)) }),
  /** In each column: Σ left = Σ right; the finding sits on the `at` row. */
  z.object({ type: z.literal('balance'), id, left: z.array(id), right: z.array(id), at: id }),
  /** In each column: the `part` row (a 其中 item) does not exceed the `whole` row (or the sum of several). */
  z.object({ type: z.literal('subset'), id, part: id, whole: z.array(id) }),
]);

export const tableSchema = z.object({
  id,
  /** The statutory name, shown in the outline and in messages. */
  name: z.string(),
  /** The part (一 … 六) the table belongs in; 0 for a table attached as 附件. */
  part: z.number().check(z.int()),
  /** A caption line naming the table, e.g. 第二十条第（一）项. */
  caption: z.optional(z.string()),
  /** A note printed in the table's header, e.g. table 三's 勾稽关系. */
  note: z.optional(z.string()),
  /** Header words that identify the table when it has no caption. */
  headerKeywords: z._default(z.array(z.string()), []),
  /** `rows`: one row per statutory row; `single-row`: one row of numbers under a multi-line header (table 四). */
  layout: z._default(z.enum(['rows', 'single-row']), 'rows'),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  rules: z._default(z.array(ruleSchema), []),
});

export const partSchema = z.object({
  number: z.number().check(z.int(), z.positive()),
  title: z.string(),
  /** Words that identify the part when its title is worded differently; any one suffices. */
  keywords: z.array(z.string()),
  /** Statements the format requires in the part, for templates; `{n}` marks a number to fill in. */
  body: z._default(z.array(z.string()), []),
});

export const formatSchema = z.object({
  id: z.enum(['2008', '2019', '2021']),
  name: z.string(),
  nameEn: z.string(),
  /** The issuing document, e.g. 国办公开办函〔2021〕30号. */
  basis: z.string(),
  /** Report years (the year reported on) this format applies to. */
  years: z.object({ from: z.optional(z.number()), to: z.optional(z.number()) }),
  parts: z.array(partSchema),
  tables: z.array(tableSchema),
});

export type FormatDefinition = z.infer<typeof formatSchema>;
export type TableDefinition = z.infer<typeof tableSchema>;
export type PartDefinition = z.infer<typeof partSchema>;
export type RowDefinition = z.infer<typeof rowSchema>;
export type ColumnDefinition = z.infer<typeof columnSchema>;
export type RuleDefinition = z.infer<typeof ruleSchema>;
export type Addend = z.infer<typeof addend>;
