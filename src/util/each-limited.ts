/**
 * Runs `task` on every item, at most `limit` at a time, starting them in item order; resolves when every task has
 * ended. A task that throws rejects the whole run (the tasks already running go on; no new one starts from that worker).
 */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
