// A worker for reader.test.ts that misbehaves on purpose, as a hostile document could make a reader do:
// named 'doc', it never returns; named 'xls', it fills its heap; otherwise it reads as the real one.
import read, { type DocumentTask } from './worker.ts';

export default async function misbehave(task: DocumentTask): Promise<unknown> {
  if (task.named === 'doc') for (;;);
  if (task.named === 'xls') {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => `row ${i} of ${hoard.length}`));
  }
  return read(task);
}
