/**
 * In-process wake-up for the dispatchers of this process. `enqueueNotification` cannot know when the caller's
 * transaction commits, so a wake starts a short burst of polls (see dispatcher.ts) instead of one immediate
 * pass; the interval poll remains the safety net, and other processes' rows are found by that poll.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function onNudge(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Wakes every running dispatcher in this process. Callers may also call it after their commit. */
export function nudgeDispatchers(): void {
  for (const listener of listeners) listener();
}
