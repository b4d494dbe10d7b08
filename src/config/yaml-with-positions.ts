import yaml from "js-yaml";
import { ConfigError, error, type ProblemId } from "../errors.ts";

/** A YAML value with where it starts, and for a mapping or a sequence, its entries placed the same way. */
export interface Placed {
  readonly value: unknown;
  readonly line: number;
  readonly column: number;
  /** A mapping's entries in document order, each key placed (its value may be a plain string). */
  readonly entries?: readonly { readonly key: Placed; readonly value: Placed }[];
  readonly items?: readonly Placed[];
}

interface Node {
  readonly start: number;
  readonly children: Node[];
  result?: unknown;
  kind?: string | null;
}

/**
 * A project file's YAML, placed (see `parseYamlWithPositions`); text that is not YAML is a ConfigError `invalidYaml`
 * at the place js-yaml stopped, in `shown` (the file as the user would type it).
 */
export function readPlacedYaml(text: string, shown: string, invalidYaml: ProblemId): Placed | undefined {
  try {
    return parseYamlWithPositions(text);
  } catch (cause) {
    if (!(cause instanceof yaml.YAMLException)) throw cause;
    throw new ConfigError([error(invalidYaml, shown, cause.mark.line + 1, cause.mark.column + 1, `YAML does not parse: ${cause.reason}`)]);
  }
}

/**
 * Parses YAML with js-yaml's core schema (no custom tags, nothing evaluated) and places every node: js-yaml's
 * `listener` is told where each node opens and what it closed with, and a mapping's children come as key, value,
 * key, value. Throws js-yaml's YAMLException (with its `mark`) for text that is not YAML.
 */
export function parseYamlWithPositions(text: string): Placed | undefined {
  const root: Node = { start: 0, children: [] };
  const stack: Node[] = [root];
  yaml.load(text, {
    schema: yaml.CORE_SCHEMA,
    listener(event, state) {
      if (event === "open") {
        stack.push({ start: state.position, children: [] });
        return;
      }
      const node = stack.pop();
      if (node === undefined) return;
      node.result = state.result;
      node.kind = state.kind;
      stack.at(-1)?.children.push(node);
    },
  });
  const lineStarts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  const place = (offset: number): { line: number; column: number } => {
    // A value's node opens before the spaces, line breaks and comments in front of it.
    const skipped = /(?:\s|#[^\n]*)*/y;
    skipped.lastIndex = offset;
    const at = offset + (skipped.exec(text)?.[0].length ?? 0);
    let line = lineStarts.findLastIndex((start) => start <= at);
    line = Math.max(line, 0);
    return { line: line + 1, column: at - (lineStarts[line] ?? 0) + 1 };
  };
  const placed = (node: Node): Placed => {
    // A flow collection inside a block sequence is two nodes with one result: the entry and the collection.
    const only = node.children[0];
    const inner = node.children.length === 1 && only !== undefined && only.result === node.result && typeof node.result === "object" ? only : node;
    const where = place(node.start);
    if (inner.kind === "mapping") {
      const entries = [];
      for (let index = 0; index + 1 < inner.children.length; index += 2) entries.push({ key: placed(inner.children[index] as Node), value: placed(inner.children[index + 1] as Node) });
      return { value: inner.result, ...where, entries };
    }
    if (inner.kind === "sequence") return { value: inner.result, ...where, items: inner.children.map(placed) };
    return { value: inner.result, ...where };
  };
  const document = root.children[0];
  return document === undefined ? undefined : placed(document);
}
