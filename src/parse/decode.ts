import iconv from "iconv-lite";
import { error, warning, type Problem } from "../errors.ts";

/** The text of a seed, or the reason it has none. */
export interface Decoded {
  readonly text?: string;
  readonly problems: readonly Problem[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Turns a seed's bytes into text with LF line endings and NFC characters.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; other
 * bytes are read as Windows-1252 with a warning; binary files are rejected.
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
      const [line, column] = placeOfByte(body, nul);
      return { problems: [error("binary-file", file, line, column, "Unexpected NUL byte: this looks like a binary file, not a text seed")] };
    }
    try {
      text = utf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const [line, column] = placeOfByte(body, bad);
      // Not TextDecoder: Node 20 decodes "windows-1252" as Latin-1, losing “ ” – € (nodejs/node#56542).
      text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), "win1252");
      problems.push(
        warning("not-utf8", file, line, column, `Unexpected byte 0x${(body[bad] ?? 0).toString(16).toUpperCase()} that is not UTF-8; read the file as Windows-1252`),
      );
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
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return [line, [...before].length + 1];
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return 0;
}
