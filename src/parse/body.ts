import type { Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { collapseWhitespace } from "../text/collapse-whitespace.ts";
import { cleanText } from "./clean-text.ts";
import { deepContainers, deepNode, type DeepNesting } from "./deep-nesting.ts";
import { tooMuchMarkup } from "./markup-limits.ts";

// One processor each, reused: building a unified pipeline per seed costs more than parsing it.
// remark-html sanitises by default (GitHub's schema): no raw HTML, no `javascript:` URLs.
const toHtml = unified().use(remarkHtml);
const fromMarkdown = unified().use(remarkParse);

/** What a Markdown body gives: its HTML, the plain text of each top-level block, and a leading `# Heading`. */
export interface MarkdownBody {
  readonly html: string;
  readonly paragraphs: string[];
  readonly heading?: string;
}

/** A plain-text body: paragraphs become text nodes, so `#`, `*` and `<tags>` stay literal. */
export function plainTextBody(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: "root",
    children: paragraphs.map((value): Paragraph => ({ type: "paragraph", children: [{ type: "text", value }] })),
  };
  return String(toHtml.stringify(tree));
}

/** A Markdown body, or where it nests too deeply, or holds too much markup, to be read safely. */
export function markdownBody(markdown: string): MarkdownBody | { readonly tooDeep: DeepNesting } | { readonly tooMuchMarkup: DeepNesting } {
  const markup = tooMuchMarkup(markdown);
  if (markup !== undefined) return { tooMuchMarkup: markup };
  // Checked before remark, whose time grows with depth; then on the tree, as the recursive steps after it need.
  const deepText = deepContainers(markdown);
  if (deepText !== undefined) return { tooDeep: deepText };
  const tree = fromMarkdown.parse(markdown);
  const deepTree = deepNode(tree);
  if (deepTree !== undefined) return { tooDeep: deepTree };
  const blocks = tree.children
    .filter((node) => node.type !== "heading" && node.type !== "thematicBreak" && node.type !== "html")
    .map((node) => collapseWhitespace(toString(node, { includeHtml: false })))
    .filter((text) => text !== "");
  const paragraphs = blocks;
  // A leading `# Heading` is the headline, shown once by the page rather than twice.
  const first = tree.children[0];
  const heading = first?.type === "heading" && first.depth === 1 ? cleanText(toString(first)).trim() : undefined;
  if (heading !== undefined) tree.children.shift();
  // micromark keeps a form feed written `&#12;` (it replaces every other control by U+FFFD), and XML forbids it.
  return { html: cleanText(String(toHtml.stringify(tree))), paragraphs, ...(heading ? { heading } : {}) };
}
