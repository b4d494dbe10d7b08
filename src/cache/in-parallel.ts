/**
 * Runs `task` on every item with at most `limit` in flight. For file-system calls on many small files: the thread
 * pool overlaps their waits (links and directories on a journaling file system), where a loop of synchronous calls
 * waits for each in turn, and starting them all at once queues tens of thousands of requests.
 */
export async function inParallel<T>(items: Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await task(next.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
