// Characters that are not text and that XML 1.0 forbids, so one of them in a page or the Atom feed breaks it: C0
// controls but tab, line feed and carriage return; DEL and the C1 controls; noncharacters (U+FFFE, U+FDD0…); and
// surrogates, which with the `u` flag match only when lone (https://www.w3.org/TR/xml/#charsets).
const invalid = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/** `text` with every character that is invalid in HTML or XML replaced by a space. */
export function cleanText(text: string): string {
  return text.replace(invalid, " ");
}
