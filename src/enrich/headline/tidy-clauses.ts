/** Mends the spaces and commas left behind where words were cut out of a sentence. */
export function tidyClauses(text: string): string {
  return text
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,;:.])/g, "$1")
    .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
    .replace(/^[\s,;:]+|[\s,;:]+$/g, "");
}
