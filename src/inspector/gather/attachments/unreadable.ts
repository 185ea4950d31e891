// Why an attachment could not be read: thrown inside a reader, recorded on the attachment, never a crash.

import type { UnreadableKind } from '../../snapshot.ts';
export type { UnreadableKind };

/** A document that cannot be read, with the reason in Chinese for the evidence. */
export class Unreadable extends Error {
  readonly kind: UnreadableKind;
  constructor(kind: UnreadableKind, message: string) {
    super(message);
    this.kind = kind;
  }
}
