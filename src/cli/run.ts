// How every command ends: 0 when it did its work, 2 for bad configuration or input (the message
// names the file, line and field), 1 for an internal error (a bug: the stack is printed).
import { InputError } from '../errors.ts';

/** A command: takes the arguments after the script's name; gives an exit status, or nothing for 0. */
export type Command = (argv: string[]) => Promise<number | void> | number | void;

/** Run a command as a script's whole body, turning its errors into the documented exit statuses. */
export async function runCommand(command: Command, argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    const code = await command(argv);
    if (code) process.exitCode = code;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(e.message);
    process.exitCode = 2;
  }
}
