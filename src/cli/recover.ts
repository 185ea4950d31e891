// npm run recover [-- --content DIR]: after a writing command was killed, put the content folder
// back as it was before that command (every writing command does this first by itself; this one
// does only that, e.g. before a build).
import { InputError } from '../errors.ts';
import { acquireContentLock } from '../store/lock.ts';
import { recoverContent } from '../store/transaction.ts';
import { contentArg, parseFlags } from './args.ts';

export const RECOVER_USAGE = `Usage: npm run recover [-- --content DIR]

Undoes what a killed writing command (publish, correct, review, record, record:import, sample,
sites:import) had half-changed, and removes temporary files that killed commands left. Every
writing command does this first by itself.`;

/** npm run recover. */
export function recoverCommand(argv: string[]): number {
  const { values, positionals } = parseFlags({ args: argv, allowPositionals: true, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, RECOVER_USAGE);
  if (values.help) {
    console.log(RECOVER_USAGE);
    return 0;
  }
  if (positionals.length) throw new InputError(`unexpected argument ${positionals.join(' ')}\n\n${RECOVER_USAGE}`);
  const dir = contentArg(values.content, {});
  const release = acquireContentLock(dir, 'npm run recover', { onTakeOver: (h) => console.error(`接管了已退出进程 ${h.pid} 留下的写入锁（${h.command}）`) });
  try {
    const said = recoverContent(dir);
    for (const line of said) console.log(line);
    if (!said.length) console.log(`${dir}: 没有需要恢复的内容。`);
  } finally {
    release();
  }
  return 0;
}
