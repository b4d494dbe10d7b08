import type { Nodes, Root } from "mdast";

/** How many block quotes and list items a Markdown body may nest one inside another, and as many inline spans. */
export const maxNesting = 32;

/** Where a Markdown body first nests deeper than `maxNesting`, counted in the body's own lines and columns. */
export interface DeepNesting {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

// An open block quote, or a list item whose content starts `width` columns in (CommonMark 5.2). An item that starts
// with a blank line ends at the next blank line if nothing came between (`empty`, then `ending`).
interface Container {
  readonly quote: boolean;
  readonly width: number;
  empty?: boolean;
  ending?: boolean;
}

// Where a line is read up to: index of the next character, and its column (tabs stop every 4 columns; a tab can be
// read in part, as when `>\t` takes one column of it).
interface Cursor {
  pos: number;
  col: number;
}

// No pattern here backtracks over a whole line: V8 overflows its stack on a backreference repeated over 4 MB.
const listMarker = /(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)/y;
const blankRest = /[ \t]*$/y;
// ATX headings and fences: with thematic breaks, blocks that end a paragraph and that no lazy line goes on with.
const headingOrFence = /#{1,6}(?:[ \t]|$)|`{3,}(?![^`]*`)|~{3,}/y;
const setextUnderline = /(?:=+|-+)[ \t]*$/y;

/**
 * Where `markdown` first opens a block quote or list item deeper than `limit`, read line by line the way CommonMark
 * opens and continues them. It runs before remark: micromark's time grows with depth × lines (10,000 nested `- ` take
 * 40 s) and mdast-util-to-hast, hast-util-to-html and mdast-util-to-string recurse once per level (1,600 nested `>`
 * overflow the stack). Its time is linear: no line is read past `limit + 1` containers.
 *
 * Where its reading is simpler it sees more levels: markers inside fenced code and raw HTML count, and an empty item
 * or one numbered other than 1 is an item even where micromark reads it as text. Around such items and raw HTML it
 * can, rarely, see a level fewer (about 1 in 50,000 random documents of markers when fuzzed against remark): what it
 * lets through, `deepNode` checks on remark's tree before anything recursive runs.
 */
export function deepContainers(markdown: string, limit = maxNesting): DeepNesting | undefined {
  const stack: Container[] = [];
  // Whether the innermost container holds a paragraph (which lazy lines go on with and a setext underline ends), or
  // text micromark may have read as one.
  let paragraph = false;
  let maybeParagraph = false;
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const cursor: Cursor = { pos: 0, col: 0 };
    let matched = 0;
    for (const container of stack) {
      if (container.quote ? !continueQuote(line, cursor) : !continueItem(line, cursor, container)) break;
      matched++;
    }
    let opened = false;
    let mayBeText = false;
    while (!isBlankFrom(line, cursor.pos)) {
      const indent = indentWidth(line, cursor);
      if (indent >= 4) break; // indented code, or a paragraph's continuation: no container starts here
      const at = firstNonSpace(line, cursor.pos);
      const container = openContainer(line, cursor, indent, at);
      if (container === undefined) break;
      // A new container closes those the line did not continue (CommonMark 5, "phase 1").
      if (!opened) stack.length = matched;
      opened = true;
      // Counted all the same; but micromark reads it as text where it would interrupt a paragraph (or indented code:
      // `self.interrupt` in its document.js), and then the lines after it may be lazy.
      if (container.mayBeText) mayBeText = true;
      stack.push(container.opened);
      if (stack.length > limit) {
        const what = container.opened.quote ? "block quote" : "list item";
        return { line: index + 1, column: at + 1, message: `Unexpected ${what} nested ${stack.length} levels deep, expected at most ${limit} block quotes and list items inside one another` };
      }
    }
    const rest = restOfLine(line, cursor);
    // A line that continues only some containers is a lazy continuation of an open paragraph, or closes the rest.
    const all = matched === stack.length;
    const continuing: boolean = !opened && (paragraph || maybeParagraph) && (all || rest === "text" || rest === "code");
    if (!opened && !continuing) stack.length = matched;
    if (mayBeText) {
      [paragraph, maybeParagraph] = [false, true];
    } else if (rest === "text") {
      setextUnderline.lastIndex = firstNonSpace(line, cursor.pos);
      const underline: boolean = continuing && all && paragraph && setextUnderline.test(line);
      [paragraph, maybeParagraph] = [!underline, false];
    } else if (rest !== "code" || !continuing) {
      // A blank line, a heading, a break or a fence ends the paragraph; so does indented code, unless it goes on with one.
      [paragraph, maybeParagraph] = [false, false];
    }
  }
  return undefined;
}

/** What a line holds after its containers: nothing, a block that ends a paragraph, indented code, or text. */
function restOfLine(line: string, cursor: Cursor): "blank" | "break" | "code" | "text" {
  if (isBlankFrom(line, cursor.pos)) return "blank";
  if (indentWidth(line, cursor) >= 4) return "code";
  const at = firstNonSpace(line, cursor.pos);
  headingOrFence.lastIndex = at;
  return headingOrFence.test(line) || isThematicBreak(line, at) ? "break" : "text";
}

/** Reads a block quote's `>` (after at most 3 columns of indent) and the one space that may follow it. */
function continueQuote(line: string, cursor: Cursor): boolean {
  const indent = indentWidth(line, cursor);
  if (indent > 3 || line[firstNonSpace(line, cursor.pos)] !== ">") return false;
  advance(line, cursor, indent);
  cursor.pos++;
  cursor.col++;
  advance(line, cursor, 1);
  return true;
}

/** A list item goes on over blank lines and lines indented at least as far as its content. */
function continueItem(line: string, cursor: Cursor, item: Container): boolean {
  if (isBlankFrom(line, cursor.pos)) {
    if (item.empty === true) item.ending = true;
    return true;
  }
  item.empty = false;
  if (item.ending === true || indentWidth(line, cursor) < item.width) return false;
  advance(line, cursor, item.width);
  return true;
}

/**
 * Opens the block quote or list item whose marker is at `at`, moving the cursor to its content, if there is one, and
 * says whether it is an item that may not interrupt a paragraph: an empty one, or one numbered other than 1 (5.2).
 */
function openContainer(line: string, cursor: Cursor, indent: number, at: number): { opened: Container; mayBeText: boolean } | undefined {
  if (line[at] === ">") {
    continueQuote(line, cursor); // reads the marker the same way, whether it opens the quote or continues it
    return { opened: { quote: true, width: 0 }, mayBeText: false };
  }
  listMarker.lastIndex = at;
  const match = listMarker.exec(line);
  if (match === null) return undefined;
  const [marker, number] = match;
  // `- - -` and `* * *` are thematic breaks, not three list items (CommonMark 4.1).
  if (isThematicBreak(line, at)) return undefined;
  const empty = isBlankFrom(line, at + marker.length);
  advance(line, cursor, indent);
  cursor.pos += marker.length;
  cursor.col += marker.length;
  // Content starts 1 to 4 columns after the marker; after 5 or more, or none, it starts 1 column after (5.2).
  const spaces = indentWidth(line, cursor);
  const gap = spaces >= 5 || empty ? 1 : spaces;
  advance(line, cursor, gap);
  return { opened: { quote: false, width: indent + marker.length + gap, empty }, mayBeText: empty || (number !== undefined && number !== "1") };
}

/** The first node of `tree` nested deeper than `limit` containers or inline spans (`***…`), in document order. */
export function deepNode(tree: Root, limit = maxNesting): DeepNesting | undefined {
  // Iterative, children pushed last-first so they pop in document order: a recursive walk would overflow itself.
  const stack: Depth[] = [{ node: tree, containers: 0, spans: 0 }];
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    if (!("children" in parent.node)) continue;
    const children = parent.node.children.map((node: Nodes): Depth => ({
      node,
      containers: parent.containers + (node.type === "blockquote" || node.type === "listItem" ? 1 : 0),
      spans: parent.spans + (spanTypes.has(node.type) ? 1 : 0),
    }));
    const deep = children.find((child) => child.containers > limit || child.spans > limit);
    if (deep !== undefined) return tooDeep(deep, limit);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Depth);
  }
  return undefined;
}

interface Depth {
  readonly node: Nodes;
  readonly containers: number;
  readonly spans: number;
}

const spanNames: Readonly<Record<string, string>> = { emphasis: "emphasis", strong: "strong emphasis", delete: "strikethrough", link: "link", linkReference: "link" };
const spanTypes: ReadonlySet<string> = new Set(Object.keys(spanNames));

function tooDeep({ node, containers, spans }: Depth, limit: number): DeepNesting {
  const { line = 1, column = 1 } = node.position?.start ?? {};
  const message =
    containers > limit
      ? `Unexpected ${node.type === "blockquote" ? "block quote" : "list item"} nested ${containers} levels deep, expected at most ${limit} block quotes and list items inside one another`
      : `Unexpected ${spanNames[node.type] ?? node.type} nested ${spans} levels deep, expected at most ${limit} emphasis, links and other inline spans inside one another`;
  return { line, column, message };
}

/** True when the line from `at` is three or more `-`, `*` or `_`, all the same, with only spaces and tabs between. */
function isThematicBreak(line: string, at: number): boolean {
  const mark = line[at];
  if (mark !== "-" && mark !== "*" && mark !== "_") return false;
  let count = 0;
  for (let pos = at; pos < line.length; pos++) {
    const char = line[pos];
    if (char === mark) count++;
    else if (char !== " " && char !== "\t") return false;
  }
  return count >= 3;
}

/** Columns of spaces and tabs from the cursor. */
function indentWidth(line: string, cursor: Cursor): number {
  let col = cursor.col;
  for (let pos = cursor.pos; line[pos] === " " || line[pos] === "\t"; pos++) col = line[pos] === " " ? col + 1 : col - (col % 4) + 4;
  return col - cursor.col;
}

/** Moves the cursor `columns` columns on through spaces and tabs, reading part of a tab if need be. */
function advance(line: string, cursor: Cursor, columns: number): void {
  let left = columns;
  while (left > 0 && (line[cursor.pos] === " " || line[cursor.pos] === "\t")) {
    const step = line[cursor.pos] === " " ? 1 : 4 - (cursor.col % 4);
    if (step > left) {
      cursor.col += left;
      return;
    }
    cursor.pos++;
    cursor.col += step;
    left -= step;
  }
}

function firstNonSpace(line: string, pos: number): number {
  let at = pos;
  while (line[at] === " " || line[at] === "\t") at++;
  return at;
}

function isBlankFrom(line: string, pos: number): boolean {
  blankRest.lastIndex = pos;
  return blankRest.test(line);
}
