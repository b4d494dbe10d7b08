// Words that leave a cut-off headline dangling (`… talks between Russia and`).
export const danglers: ReadonlySet<string> = new Set(
  "a an the of in on at to for from by with and or but as into onto than that which who whose between among about over under after before during his her its their our".split(" "),
);

/**
 * Cuts `text` to at most `max` characters (ellipsis included) at a clause boundary
 * when one falls in the last half, else at a word boundary, and ends it with `…`.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max);
  const clause = Math.max(room.lastIndexOf(", "), room.lastIndexOf("; "), room.lastIndexOf(": "), room.lastIndexOf(" — "), room.lastIndexOf(" – "), room.lastIndexOf(" - "));
  let cut = clause >= max / 2 ? room.slice(0, clause) : room.slice(0, Math.max(room.lastIndexOf(" "), 0));
  if (cut === "") cut = [...text].slice(0, max - 1).join("");
  const words = cut.split(" ");
  while (words.length > 3 && danglers.has((words.at(-1) ?? "").toLowerCase())) words.pop();
  return `${words.join(" ").replace(/[\s,;:.—–-]+$/u, "")}…`;
}
