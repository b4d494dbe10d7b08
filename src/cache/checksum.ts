import { createHash } from "node:crypto";

// Cache files end with a line `#<SHA-256 of every byte before it>`, so a truncated or damaged file is detected.
const trailer = /^#[0-9a-f]{64}\n$/;

/** The last line of a cache file whose other bytes hashed to `digest` (hex). */
export function checksumLine(digest: string): string {
  return `#${digest}\n`;
}

/** The bytes of a cache file before its checksum line, or why they cannot be trusted. */
export function verifiedBody(bytes: Buffer): Buffer | string {
  const start = bytes.lastIndexOf(10, bytes.length - 2) + 1;
  const last = bytes.subarray(start).toString("latin1");
  if (!trailer.test(last)) return "no checksum at the end (truncated?)";
  const body = bytes.subarray(0, start);
  return createHash("sha256").update(body).digest("hex") === last.slice(1, 65) ? body : "checksum mismatch (damaged?)";
}
