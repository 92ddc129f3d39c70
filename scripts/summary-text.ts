// A job summary as a person sees it on the run's page, in plain text: headings underlined, tables in
// aligned columns, code blocks indented, tags gone and entities decoded. Covers the HTML that
// @actions/core's summary writes (headings, raw lines, tables, code blocks), which is all the action uses.

const BLOCK =
  /<h([1-6])>([\s\S]*?)<\/h\1>|<table>([\s\S]*?)<\/table>|<pre[^>]*>([\s\S]*?)<\/pre>|([^\n<][^\n]*|<(?!h[1-6]>|table>|pre)[^\n]*)/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function summaryText(html: string): string {
  const blocks: string[] = [];
  for (const [, level, heading, table, pre, line] of html.matchAll(BLOCK)) {
    if (heading !== undefined) {
      const text = inline(heading);
      blocks.push(`${text}\n${(Number(level) <= 2 ? '=' : '-').repeat(text.length)}`);
    } else if (table !== undefined) blocks.push(renderTable(table));
    else if (pre !== undefined) blocks.push(inline(pre).replace(/^/gm, '    '));
    else if (line !== undefined && line.trim() !== '') blocks.push(inline(line));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Text of an inline fragment: tags dropped, entities decoded. */
function inline(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? entity;
    })
    .trim();
}

/** Columns padded to their widest cell; a row of dashes under a header row. */
function renderTable(table: string): string {
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) => ({
    header: /<th[\s>]/.test(row),
    cells: [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell = '']) => inline(cell)),
  }));
  const columns = Math.max(0, ...rows.map(({ cells }) => cells.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map(({ cells }) => cells[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return rows
    .flatMap(({ header, cells }) =>
      header ? [line(cells), line(widths.map((width) => '-'.repeat(width)))] : [line(cells)],
    )
    .join('\n');
}
