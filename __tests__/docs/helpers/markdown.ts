// Just enough Markdown for the docs tests: fenced code blocks, headings and their GitHub anchors, links.

export interface CodeBlock {
  /** The info string's first word: yaml, json, sh, ... ('' when none). */
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;

/** Fenced code blocks, in order. An unclosed fence is an error, not a silently skipped example. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trimStart().startsWith(fence) && line.trim().replaceAll(fence[0] ?? '`', '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    if (j >= lines.length) throw new Error(`line ${i + 1}: a code fence is never closed`);
    blocks.push({ lang: lang.toLowerCase(), text: `${body.join('\n')}\n`, line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Markdown with its fenced code blocks blanked out, so that '#' lines in them are not headings. */
export function withoutCode(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  let fence: string | undefined;
  return lines
    .map((line) => {
      const open = FENCE.exec(line);
      if (fence === undefined && open) {
        fence = open[2];
        return '';
      }
      if (fence !== undefined) {
        if (line.trimStart().startsWith(fence) && line.trim().replaceAll(fence[0] ?? '`', '') === '')
          fence = undefined;
        return '';
      }
      return line;
    })
    .join('\n');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-', repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutCode(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (match[1] ?? '').replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

export interface Link {
  readonly text: string;
  readonly target: string;
}

/** Inline links outside code: [text](target). */
export function links(markdown: string): Link[] {
  const prose = withoutCode(markdown).replace(/`[^`\n]*`/g, '');
  return Array.from(prose.matchAll(/\[([^\]\n]*)\]\(([^)\s]+)\)/g), (match) => ({
    text: match[1] ?? '',
    target: match[2] ?? '',
  }));
}

/** The Markdown section under a heading (up to the next heading of the same or a higher level). */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#+\s+/, '') === heading);
  if (start < 0) throw new Error(`no heading '${heading}'`);
  const level = (lines[start] ?? '').indexOf(' ');
  const end = lines.findIndex(
    (line, index) => index > start && /^#{1,6}\s/.test(line) && line.indexOf(' ') <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The cells of every body row of the Markdown tables in a text (header and separator rows left out). */
export function tableRows(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  const isRow = (line: string | undefined) => line?.trimStart().startsWith('|') ?? false;
  const isSeparator = (line: string | undefined) => /^\s*\|[\s|:-]+\|\s*$/.test(line ?? '');
  return lines
    .filter((line, index) => isRow(line) && !isSeparator(line) && !isSeparator(lines[index + 1]))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}
