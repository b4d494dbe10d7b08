import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { checksumLine, verifiedBody } from "./checksum.ts";
import type { RecordStore, SeedRecord } from "../load/index.ts";
import { writeFileAtomic } from "../files/write-file-atomic.ts";

// One file of lines: a header naming the format and code version, one `<key>\t<JSON record>` line per seed,
// and a checksum line, so a truncated or damaged file is detected and ignored.
const format = 1;
const keyLength = 64;

/**
 * Parsed and enriched seeds from earlier builds, keyed by a hash of each seed's bytes and names (see `seedKey`): an
 * unchanged seed is not parsed or enriched again. Records not asked for in a build are dropped when it saves.
 */
export class RecordCache implements RecordStore {
  readonly #file: string;
  readonly #header: string;
  readonly #stored: Map<string, Buffer>;
  readonly #kept = new Map<string, Buffer | string>();
  #added = 0;
  /** Why the stored file was not used, if it was not. */
  readonly discarded: string | undefined;

  private constructor(file: string, header: string, stored: Map<string, Buffer>, discarded: string | undefined) {
    this.#file = file;
    this.#header = header;
    this.#stored = stored;
    this.discarded = discarded;
  }

  /**
   * Opens the cache file; a missing, foreign, outdated or damaged one gives an empty cache, never an error.
   * A `fresh` cache ignores what the file holds and replaces it when saved.
   */
  static async open(file: string, version: string, fresh = false): Promise<RecordCache> {
    const header = `${JSON.stringify({ cache: "dateline-records", format, version })}\n`;
    let bytes: Buffer;
    try {
      if (fresh) return new RecordCache(file, header, new Map(), undefined);
      bytes = await readFile(file);
    } catch {
      return new RecordCache(file, header, new Map(), undefined);
    }
    const stored = readRecords(bytes, header);
    return typeof stored === "string" ? new RecordCache(file, header, new Map(), stored) : new RecordCache(file, header, stored, undefined);
  }

  /** Records stored by earlier builds. */
  get size(): number {
    return this.#stored.size;
  }

  /** The stored record of a key, if any; it is kept for the next build. */
  get(key: string): SeedRecord | undefined {
    const raw = this.#stored.get(key);
    if (raw === undefined) return undefined;
    let record: SeedRecord;
    try {
      record = JSON.parse(raw.toString("utf8")) as SeedRecord;
    } catch {
      return undefined;
    }
    this.#kept.set(key, raw);
    return record;
  }

  /** Keeps a record made in this build, as JSON. */
  set(key: string, record: string): void {
    this.#kept.set(key, record);
    this.#added++;
  }

  /** Writes the records asked for or made in this build, unless they are exactly what the file holds. */
  async save(): Promise<void> {
    if (this.#added === 0 && this.#kept.size === this.#stored.size && this.discarded === undefined) return;
    await writeFileAtomic(this.#file, this.#blocks());
  }

  /** The file's bytes in blocks of about a megabyte, made as they are written: one write per line would take a system call each. */
  *#blocks(): Generator<Buffer> {
    const hash = createHash("sha256");
    let pending: Buffer[] = [];
    let size = 0;
    const block = (): Buffer => {
      const joined = Buffer.concat(pending, size);
      hash.update(joined);
      pending = [];
      size = 0;
      return joined;
    };
    for (const chunk of this.#lines()) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= blockSize) yield block();
    }
    yield block();
    yield Buffer.from(checksumLine(hash.digest("hex")));
  }

  *#lines(): Generator<Buffer> {
    yield Buffer.from(this.#header);
    for (const [key, value] of this.#kept) {
      yield Buffer.from(`${key}\t`);
      yield typeof value === "string" ? Buffer.from(value) : value;
      yield newline;
    }
  }
}

const blockSize = 1 << 20;
const newline = Buffer.from("\n");

/** The records in a cache file by key, or why the file cannot be trusted. */
function readRecords(bytes: Buffer, header: string): Map<string, Buffer> | string {
  const body = verifiedBody(bytes);
  if (typeof body === "string") return body;
  if (!body.subarray(0, header.length).equals(Buffer.from(header))) return "another format or Dateline version";
  const records = new Map<string, Buffer>();
  for (let start = header.length; start < body.length; ) {
    const end = body.indexOf(10, start);
    if (end === -1 || body[start + keyLength] !== 9) return "malformed line";
    records.set(body.toString("latin1", start, start + keyLength), body.subarray(start + keyLength + 1, end));
    start = end + 1;
  }
  return records;
}
