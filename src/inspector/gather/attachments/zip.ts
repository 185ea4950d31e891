// The entries of a zip container (xlsx, docx) that a reader wants, inflated with a byte budget: a
// zip bomb dressed as a spreadsheet stops at the budget, whatever sizes its headers claim.
import { Unzip, UnzipInflate } from 'fflate';
import { Unreadable } from './unreadable.ts';

/** Bytes inflated from one container at most, all wanted entries together. */
export const MAX_INFLATED = 100 * 1024 * 1024;

const SLICE = 8 * 1024;

/** The wanted entries' contents, by name. Throws Unreadable for a bomb, a broken or an encrypted archive. */
export function unzipWanted(bytes: Uint8Array, wanted: (name: string) => boolean, maxInflated = MAX_INFLATED): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  // Set inside fflate's callbacks, thrown between slices: fflate turns a throw inside a callback into a stream error.
  let failure: Unreadable | undefined;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (!wanted(file.name)) return;
    if (failure) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new Unreadable('compression', `压缩方式 ${file.compression} 不支持（${file.name}）`);
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new Unreadable('corrupt', `压缩数据损坏（${file.name}）`);
        return;
      }
      total += data.length;
      if (total > maxInflated) {
        failure = new Unreadable('bomb', `解压后超过 ${Math.round(maxInflated / 1024 / 1024)} MB（疑似压缩炸弹）`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) out.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  };
  try {
    // Fed in small slices: deflate expands at most about 1,000 times, so no slice inflates past
    // 8 MB before the budget is counted (fed whole, a bomb would inflate all at once).
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    if (bytes.length === 0) unzip.push(bytes, true);
    if (failure) throw failure;
  } catch (e) {
    if (e instanceof Unreadable) throw e;
    throw new Unreadable('corrupt', `压缩包无法读取：${(e as Error).message}`);
  }
  return out;
}
