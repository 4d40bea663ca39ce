import { findTableLines, preformattedText } from "@/lib/wire/find-table-lines";
import { joinWrappedLines, readWrap, type HeadLine } from "@/lib/wire/join-wrapped-lines";
import { isPageJunk } from "@/lib/wire/page-junk";
import type { WireBlock } from "@/lib/wire/types";

/** Copy sent one paragraph to a line: each line a paragraph, each run of table lines a preformatted block. */
function lineBlocks(lines: string[], table: boolean[] | null): WireBlock[] {
  const blocks: WireBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (table?.[index]) {
      let end = index;
      while (end < lines.length && table[end]) end++;
      blocks.push({ kind: "preformatted", text: preformattedText(lines.slice(index, end)) });
      index = end - 1;
      continue;
    }
    const line = lines[index].trim();
    if (line) blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}

/**
 * The lines of plain copy as blocks: hard-wrapped copy joined into paragraphs, copy sent one
 * paragraph to a line left so, tabular matter kept as laid out in either, page junk dropped.
 * `opens` tells, for the first `headLines` lines of wrapped copy, which stand alone (embargo, byline)
 * or begin the dateline's paragraph.
 */
export function readBlocks(lines: string[], options: { headLines: number; opens: (line: string, receivedAt: Date) => HeadLine; receivedAt: Date }): WireBlock[] {
  const table = findTableLines(lines);
  const wrap = readWrap(lines, table);
  const blocks = wrap ? joinWrappedLines(lines, wrap, { table, ...options }) : lineBlocks(lines, table);
  let kept = 0;
  for (const block of blocks) if (block.kind === "preformatted" || !isPageJunk(block.text)) blocks[kept++] = block;
  blocks.length = kept;
  return blocks;
}
