// Tabular matter in agency copy: scorecards, market prices, results and standings, their columns
// lined up with runs of spaces or tabs. Such lines are kept as laid out, never joined into prose.
const TAB_STOP = 8;
// A table row is a line of a printer's width at most; longer lines are prose with odd spacing.
const MAX_ROW = 160;
// A row ends in a cell: a figure or a short name after its last gap ("Extras (b 1, lb 4)   7").
const MAX_LAST_CELL = 12;
const DIGITS_SHARE = 0.5;
const MAX_FIGURES_ROW = 60;
const SENTENCE_END = '.!?;:"”’';
const UPPER = /\p{Lu}|["“‘(]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** How a line of a table reads: its gaps between cells, whether it is mostly figures, how long its last cell is. */
type Row = { gaps: number; figures: boolean; lastCell: number };

function readRow(line: string): Row | null {
  // A long line with no gap in it could only be a row of figures, and those are short.
  if (line.length > MAX_FIGURES_ROW && !line.includes("  ") && !line.includes("\t")) return null;
  const text = line.trim();
  if (!text || text.length > MAX_ROW) return null;
  let gaps = 0;
  let lastGapEnd = 0;
  let digits = 0;
  let cells = 1;
  let visible = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char !== " " && char !== "\t") {
      visible++;
      if (isDigit(text.charCodeAt(index))) digits++;
      continue;
    }
    let end = index;
    let tab = false;
    for (; end < text.length && (text[end] === " " || text[end] === "\t"); end++) if (text[end] === "\t") tab = true;
    cells++;
    // Two spaces after a full stop are a typist's sentence spacing, not a column.
    const sentenceSpacing = SENTENCE_END.includes(text[index - 1]) && UPPER.test(text[end]);
    if ((tab || end - index >= 2) && !sentenceSpacing) {
      gaps++;
      lastGapEnd = end;
    }
    index = end - 1;
  }
  return { gaps, figures: cells >= 2 && digits >= visible * DIGITS_SHARE, lastCell: gaps ? text.length - lastGapEnd : text.length };
}

const isCore = (row: Row | null) => row !== null && (row.gaps >= 2 || row.figures);
const isRow = (row: Row | null) => row !== null && (isCore(row) || (row.gaps >= 1 && row.lastCell <= MAX_LAST_CELL));

/**
 * Which lines are tabular matter: a run of consecutive lines that are each a row (two or more gaps
 * of 2+ spaces or a tab, mostly figures, or one gap before a short last cell) with at least two
 * full rows among them. Null when the copy has none, which most copy shows at once.
 */
export function findTableLines(lines: string[]): boolean[] | null {
  let table: boolean[] | null = null;
  let runStart = -1;
  let cores = 0;
  for (let index = 0; index <= lines.length; index++) {
    const line = index < lines.length ? lines[index] : "";
    // Most copy is long lines of prose, spared the reading.
    const row = line.length <= MAX_ROW ? readRow(line) : null;
    if (isRow(row)) {
      if (runStart < 0) runStart = index;
      if (isCore(row)) cores++;
      continue;
    }
    if (runStart >= 0 && cores >= 2) {
      table ??= new Array<boolean>(lines.length).fill(false);
      table.fill(true, runStart, index);
    }
    runStart = -1;
    cores = 0;
  }
  return table;
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const char of line) out += char === "\t" ? " ".repeat(TAB_STOP - (out.length % TAB_STOP)) : char;
  return out;
}

/** A table's lines as one preformatted text: tabs expanded, the indent they share taken off, trailing spaces dropped. */
export function preformattedText(lines: string[]): string {
  const expanded = lines.map((line) => expandTabs(line).trimEnd());
  let indent = Infinity;
  for (const line of expanded) indent = Math.min(indent, line.length - line.trimStart().length);
  return expanded.map((line) => line.slice(indent)).join("\n");
}
