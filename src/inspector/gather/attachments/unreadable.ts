// Why an attachment could not be read: thrown inside a reader, recorded on the attachment, never a crash.

/** The kinds of reasons, for counting. */
export type UnreadableKind =
  | 'too-large' | 'bomb' | 'macro' | 'corrupt' | 'encrypted' | 'compression' | 'timeout' | 'memory' | 'unsupported' | 'mismatch' | 'error';

/** A document that cannot be read, with the reason in Chinese for the evidence. */
export class Unreadable extends Error {
  readonly kind: UnreadableKind;
  constructor(kind: UnreadableKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
