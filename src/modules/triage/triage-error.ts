/**
 * Problems with training data, model files and classifier input. Not an HTTP error: the command line prints
 * the message, and a route that classifies maps it (empty text → validation_failed) before answering.
 */
export type TriageErrorCode =
  | 'malformed_csv'
  | 'unknown_label'
  | 'file_unreadable'
  | 'not_a_model'
  | 'model_version_mismatch'
  | 'model_corrupt'
  | 'labels_config_invalid'
  | 'empty_text'
  | 'bad_option';

export class TriageError extends Error {
  readonly code: TriageErrorCode;
  constructor(code: TriageErrorCode, message: string) {
    super(message);
    this.name = 'TriageError';
    this.code = code;
  }
}
