import { EventEmitter } from 'node:events';

/**
 * In-process bus for after-commit notices (live updates, assignment). Each subscriber gets every event; a
 * failing subscriber is isolated from the publisher.
 */
export type BusEvent = { type: string; caseId?: string; customerId?: string; internal?: boolean; [key: string]: unknown };
export type EventBus = {
  publish(event: BusEvent): void;
  subscribe(listener: (event: BusEvent) => void): () => void;
};

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one per open SSE connection
  return {
    publish(event) {
      for (const listener of emitter.listeners('event')) {
        try {
          (listener as (e: BusEvent) => void)(event);
        } catch {
          // a broken subscriber must not break the write that published
        }
      }
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}
