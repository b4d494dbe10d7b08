import { lstat, statfs } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";

// Kernel file systems (their statfs magic numbers) that look like folders but are views of the kernel: reading
// them recursively can go on for ever (`/proc/self/` holds itself), and writing a site into them hangs or fails.
const kernelFileSystems = new Map<number, string>([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x1cd1, "devpts"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0xcafe4a11, "bpf"],
  [0x6165676c, "pstore"],
  [0x62656570, "configfs"],
  [0x65735546, "fusectl"],
  [0x19800202, "mqueue"],
  [0x42494e4d, "binfmt_misc"],
  [0xf97cff8c, "selinuxfs"],
  [0xde5e81e4, "efivarfs"],
]);

/**
 * Refuses, as a usage error, a folder path that cannot hold a site or seeds: one below a file, or on a kernel file
 * system such as /proc. Checked before anything is read or written, so that no call blocks on a special path.
 */
export async function checkFolderPath(option: string, given: string): Promise<void> {
  const full = path.resolve(given);
  let existing = full;
  for (;;) {
    const found = await lstat(existing).catch(() => undefined);
    if (found !== undefined) {
      if (existing !== full && !found.isDirectory() && !found.isSymbolicLink()) {
        throw new UsageError(`${option} ${given} cannot be a folder: ${path.relative(process.cwd(), existing) || existing} is a file`);
      }
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const kind = await statfs(existing).then((stats) => kernelFileSystems.get(Number(stats.type)), () => undefined);
  if (kind !== undefined) throw new UsageError(`${option} ${given} is on the kernel's ${kind} file system, which cannot hold a site or seeds; choose a folder on a disk`);
}
