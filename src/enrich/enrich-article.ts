import { createHash } from "node:crypto";
import type { Article, ParsedArticle } from "../article.ts";
import { collapseWhitespace } from "../text/collapse-whitespace.ts";
import { extractEntities } from "./entities/extract-entities.ts";
import { deriveHeadline } from "./headline/derive-headline.ts";
import { extractQuotes } from "./quotes/extract-quotes.ts";
import { deriveSlug } from "./slug.ts";
import { deriveSummary } from "./summary.ts";

const wordsPerMinute = 230;
const word = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

/** Site options that change what is derived from a seed (so cached records depend on them). */
export interface EnrichOptions {
  /** The archive is a US newswire's: a story with dollar amounts but no place is set in the United States. */
  readonly usWire?: boolean;
}

/** Derives everything a page needs from a parsed seed: headline, summary, slug, URL, counts, hash, entities, quotes. */
export function enrichArticle(parsed: ParsedArticle, options: EnrichOptions = {}): Article {
  const title = parsed.title ?? deriveHeadline(parsed.paragraphs);
  const slug = parsed.slug ?? deriveSlug(title, parsed.id);
  // The date picks a city's country as it was then: Moscow is in the Soviet Union in 1987.
  const entities = extractEntities(parsed.paragraphs, { date: parsed.date, usWire: options.usWire === true });
  const words = parsed.paragraphs.reduce((sum, paragraph) => sum + (paragraph.match(word)?.length ?? 0), 0);
  return {
    id: parsed.id,
    source: parsed.source,
    date: parsed.date,
    title,
    summary: parsed.summary ?? deriveSummary(parsed.paragraphs),
    paragraphs: parsed.paragraphs,
    html: parsed.html,
    tags: parsed.tags,
    words,
    readingMinutes: Math.max(1, Math.round(words / wordsPerMinute)),
    slug,
    url: parsed.permalink ?? `/${parsed.date.replaceAll("-", "/")}/${slug}/`,
    hash: bodyHash(parsed.paragraphs),
    entities,
    quotes: extractQuotes(parsed.paragraphs, entities.people),
    // The front matter's own values, passed through as they are.
    ...(parsed.author !== undefined ? { author: parsed.author } : {}),
    ...(parsed.section !== undefined ? { section: parsed.section } : {}),
    ...(parsed.updated !== undefined ? { updated: parsed.updated } : {}),
    ...(parsed.image !== undefined ? { image: parsed.image } : {}),
    ...(parsed.draft !== undefined ? { draft: parsed.draft } : {}),
  };
}

/** Hash of the body with white space and case of line breaks normalised: equal stories, equal hashes. */
export function bodyHash(paragraphs: readonly string[]): string {
  const normalised = paragraphs.map(collapseWhitespace).join("\n\n");
  return createHash("sha256").update(normalised.normalize("NFC")).digest("hex").slice(0, 16);
}
