import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

/** What `watchProject` watches: folders with everything below them, and single files. */
export interface WatchTargets {
  readonly folders: readonly string[];
  readonly files: readonly string[];
}

/**
 * Calls `changed` once things stop changing for `quietMs` (an editor's save is several events, a `git checkout`
 * thousands), with the paths that changed. Hidden files and folders (an editor's swap files, `.git`) are left out,
 * as the seeds folder's listing leaves them out. Missing targets are skipped; `problem` hears of a watch that fails.
 */
export function watchProject(targets: WatchTargets, changed: (paths: string[]) => void, problem: (message: string) => void, quietMs = 150): { close(): void } {
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const seen = (file: string): void => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending.clear();
      changed(paths);
    }, quietMs);
  };
  const add = (target: string, recursive: boolean, accept: (name: string) => boolean): void => {
    try {
      const watcher = watch(target, { recursive }, (_event, name) => {
        // Linux names the file; without a name, say the folder changed.
        const relative = name?.toString() ?? "";
        if (accept(relative)) seen(relative === "" ? target : path.join(target, relative));
      });
      watcher.on("error", (cause) => problem(`${target} is no longer watched: ${cause.message}`));
      watchers.push(watcher);
    } catch (cause) {
      problem(`${target} is not watched: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };
  // Only the part below the folder is looked at: a project inside a hidden folder, or seeds given as ../x, still count.
  const hidden = (name: string): boolean => name.split(/[\\/]/).some((part) => part.startsWith("."));
  for (const folder of targets.folders) if (existsSync(folder)) add(folder, true, (name) => !hidden(name));
  // A file is watched through its folder: an editor that saves by replacing the file would end a watch of the file.
  for (const file of targets.files) add(path.dirname(file), false, (name) => name === path.basename(file));
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
