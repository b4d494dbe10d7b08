import type { Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { collapseWhitespace } from "../collapse-whitespace.ts";

// One processor each, reused: building a unified pipeline per seed costs more than parsing it.
// remark-html sanitises by default (GitHub's schema): no raw HTML, no `javascript:` URLs.
const toHtml = unified().use(remarkHtml);
const fromMarkdown = unified().use(remarkParse);

/** A plain-text body: paragraphs become text nodes, so `#`, `*` and `<tags>` stay literal. */
export function plainTextBody(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: "root",
    children: paragraphs.map((value): Paragraph => ({ type: "paragraph", children: [{ type: "text", value }] })),
  };
  return String(toHtml.stringify(tree));
}

/** A Markdown body: its HTML and the plain text of each top-level block. */
export function markdownBody(markdown: string): { html: string; paragraphs: string[]; heading?: string } {
  const tree = fromMarkdown.parse(markdown);
  const blocks = tree.children
    .filter((node) => node.type !== "heading" && node.type !== "thematicBreak" && node.type !== "html")
    .map((node) => collapseWhitespace(toString(node, { includeHtml: false })))
    .filter((text) => text !== "");
  const paragraphs = blocks;
  // A leading `# Heading` is the headline, shown once by the page rather than twice.
  const first = tree.children[0];
  const heading = first?.type === "heading" && first.depth === 1 ? toString(first).trim() : undefined;
  if (heading !== undefined) tree.children.shift();
  return { html: String(toHtml.stringify(tree)), paragraphs, ...(heading ? { heading } : {}) };
}
