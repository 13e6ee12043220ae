// Every refusal and failure the user should read as a sentence (not a stack trace) is a PodIngestionError.
// The bin prints its message as it is; anything else is a bug and gets a `pod-ingestion:` prefix.

/** What kind of refusal or failure: callers decide on this, never on the wording of the message. */
export type ErrorKind =
  /** Answers (options, prompts, answers file, .yo-rc.json) break a rule; nothing was written. */
  | 'invalid-answers'
  /** A file's `pod-ingestion managed` markers are gone, or a block between them was edited by hand: the generator cannot merge into it. */
  | 'managed-region'
  /** A docker command failed, or cannot do what was asked; the files stay written. */
  | 'docker'
  /** The user stopped the run (Ctrl-C at a prompt or while writing); nothing was written. */
  | 'cancelled';

export class PodIngestionError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
