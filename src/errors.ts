// Errors the commands tell apart: bad configuration or input (exit 2, the message names the file,
// line and field) versus a bug (exit 1, the stack).

/** Bad configuration or input: the message says where and what; commands exit non-zero with it. */
export class InputError extends Error {
  override name = 'InputError';
}
