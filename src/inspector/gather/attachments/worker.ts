// The reader pool's worker thread (piscina): one document per task. A document that loops or
// swells is stopped from outside (the task's deadline, the thread's heap limit), so nothing here
// needs to guard against it.
import { readDocument, type DocumentOutcome } from './document.ts';
import type { AttachmentFormat } from './formats.ts';

export interface DocumentTask {
  bytes: Uint8Array;
  named: AttachmentFormat;
  asOf: string;
}

export default function read(task: DocumentTask): Promise<DocumentOutcome> {
  return readDocument(task.bytes, task.named, task.asOf);
}
