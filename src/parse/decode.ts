import iconv from "iconv-lite";
import { error, warning, type Problem } from "../errors.ts";

/** The text of a seed, or the reason it has none. */
export interface Decoded {
  readonly text?: string;
  readonly problems: readonly Problem[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
// For bytes known to be valid UTF-8, or where a stray byte may become U+FFFD: one decoder, not one per call.
const lenientUtf8 = new TextDecoder("utf-8");

/**
 * Turns a seed's bytes into text with LF line endings and NFC characters.
 * UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognised without one) are read as such; bytes that are
 * not UTF-8 are read as Windows-1252 with a warning; binary files are rejected.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  let text: string;
  const problems: Problem[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const nul = body.indexOf(0);
    if (nul !== -1) {
      const utf16 = utf16WithoutBom(body);
      if (utf16 === undefined) {
        const [line, column] = placeOfByte(body, nul);
        return { problems: [error("binary-file", file, line, column, "Unexpected NUL byte: this looks like a binary file, not a text seed")] };
      }
      text = utf16.text;
      problems.push(
        warning("not-utf8", file, 1, 1, `Unexpected ${utf16.encoding} text without a byte-order mark, expected UTF-8; read the file as ${utf16.encoding}`),
      );
    } else {
      try {
        text = utf8.decode(body);
      } catch {
        const mixed = decodeMixed(body);
        const [line, column] = placeOfByte(body, mixed.firstInvalid);
        const byte = `0x${(body[mixed.firstInvalid] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
        const how = mixed.hasUtf8 ? "read the UTF-8 parts as UTF-8 and the other bytes as Windows-1252" : "read the file as Windows-1252";
        text = mixed.text;
        problems.push(warning("not-utf8", file, line, column, `Unexpected byte ${byte} that is not UTF-8; ${how}`));
      }
    }
  }
  if (isMostlyControl(text)) {
    return { problems: [error("binary-file", file, 1, 1, "Unexpected control characters: this looks like a binary file, not a text seed")] };
  }
  text = text.replace(/\r\n?/g, "\n").normalize("NFC");
  return { text, problems };
}

// Control characters other than tab, line feed, form feed and carriage return.
const control = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

function isMostlyControl(text: string): boolean {
  if (text.length === 0) return false;
  const count = text.match(control)?.length ?? 0;
  return count > 8 && count / text.length > 0.1;
}

/**
 * The text of UTF-16 bytes saved without a byte-order mark, or undefined when they are not that. Text in a Latin
 * script puts a NUL beside nearly every character: at odd offsets in UTF-16LE (`d\0a\0`), at even ones in UTF-16BE;
 * a binary file has its NULs at both, or beside bytes that are not printable. The first 4 KiB decide.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: "UTF-16LE" | "UTF-16BE" } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  const pairs = sample.length / 2;
  // For each byte order: pairs whose high byte is NUL, those of them whose low byte is printable, and stray NULs.
  const counts = { le: { nul: 0, printable: 0, stray: 0 }, be: { nul: 0, printable: 0, stray: 0 } };
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const even = sample[i] ?? 0;
    const odd = sample[i + 1] ?? 0;
    if (odd === 0) {
      counts.le.nul++;
      if (isPrintable(even)) counts.le.printable++;
    } else if (even === 0) counts.le.stray++;
    if (even === 0) {
      counts.be.nul++;
      if (isPrintable(odd)) counts.be.printable++;
    } else if (odd === 0) counts.be.stray++;
  }
  for (const [order, encoding] of [["le", "UTF-16LE"], ["be", "UTF-16BE"]] as const) {
    const { nul, printable, stray } = counts[order];
    if (nul < pairs / 8 || printable < nul * 0.9 || stray > nul / 20) continue;
    try {
      return { text: new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes), encoding };
    } catch {
      return undefined; // a lone surrogate: not text after all
    }
  }
  return undefined;
}

/** Tab, line feed, carriage return, printable ASCII, or a Latin-1 letter or sign (U+00A0–U+00FF). */
function isPrintable(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f) || byte >= 0xa0;
}

/**
 * Bytes that are mostly UTF-8 with some Windows-1252 (a file pasted together from two editors): each valid UTF-8
 * sequence is read as UTF-8 and each other byte as Windows-1252, so “quotes” saved in UTF-8 stay quotes.
 */
function decodeMixed(bytes: Uint8Array): { text: string; firstInvalid: number; hasUtf8: boolean } {
  const parts: string[] = [];
  let firstInvalid = -1;
  let hasUtf8 = false;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const size = utf8SequenceLength(bytes, i);
    if (size > 0) {
      if (size > 1) hasUtf8 = true;
      i += size;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && utf8SequenceLength(bytes, end) === 0) end++;
    if (firstInvalid === -1) firstInvalid = i;
    parts.push(lenientUtf8.decode(bytes.subarray(start, i)));
    // Not TextDecoder: Node 20 decodes "windows-1252" as Latin-1, losing “ ” – € (nodejs/node#56542).
    parts.push(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + i, end - i), "win1252"));
    start = i = end;
  }
  parts.push(lenientUtf8.decode(bytes.subarray(start)));
  return { text: parts.join(""), firstInvalid: Math.max(firstInvalid, 0), hasUtf8 };
}

/**
 * Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one: no overlong forms, no
 * surrogates, nothing above U+10FFFF (the Unicode Standard, table 3-7).
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  if (b < 0x80) return 1;
  const inRange = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const next = bytes[i + offset];
    return next !== undefined && next >= low && next <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return inRange(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = b === 0xe0 ? inRange(1, 0xa0) : b === 0xed ? inRange(1, 0x80, 0x9f) : inRange(1);
    return second && inRange(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? inRange(1, 0x90) : b === 0xf4 ? inRange(1, 0x80, 0x8f) : inRange(1);
    return second && inRange(2) && inRange(3) ? 4 : 0;
  }
  return 0;
}

/** 1-based line and column of a byte offset, counting columns in characters. */
function placeOfByte(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = lenientUtf8.decode(bytes.subarray(lineStart, offset));
  return [line, [...before].length + 1];
}
