/**
 * Starts the draft-check worker. Its own module (loaded only where Worker exists), so that
 * `import.meta` stays out of the modules jest loads; webpack bundles the worker as a chunk
 * from this `new Worker(new URL(…, import.meta.url))`.
 */
export function startDraftWorker(): Worker {
  return new Worker(new URL(/* webpackChunkName: "draft-check-worker" */ "./draft-worker.ts", import.meta.url));
}
