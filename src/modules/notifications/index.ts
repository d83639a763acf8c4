// Public door of the notifications module: other modules enqueue notifications in their own transaction;
// the server starts the dispatcher with a Notifier adapter. Nothing else reads the outbox table.
export { createDefaultNotifier, type DefaultNotifierOptions } from './default-notifier.ts';
export {
  DISPATCH_DEFAULTS,
  type DispatcherOptions,
  type DispatchResult,
  dispatchOnce,
  type RunningDispatcher,
  retryDelayMs,
  startDispatcher,
} from './dispatcher.ts';
export { type EnqueueNotificationInput, enqueueNotification, type OutboxRow, outboxRowFor } from './enqueue-notification.ts';
export { type CaptureNotifier, createCaptureNotifier, createLogNotifier, createSmsLogNotifier } from './log-notifier.ts';
export type { Channel, Notification, Notifier, Recipient, TemplateName } from './notification.types.ts';
export { nudgeDispatchers } from './nudge.ts';
export { createSmtpNotifier, type SmtpNotifierOptions } from './smtp-notifier.ts';
export { renderTemplate, TEMPLATE_NAMES } from './templates.ts';
