import { describe, expect, test } from 'vitest';
import { InputError } from '../errors.ts';
import { builtFolder as site } from '../postbuild/built-folder.test-helpers.ts';
import { parseCheckLinksArgs } from './check-links.ts';

describe('the command line', () => {
  test('defaults: dist, BASE_PATH, else /', () => {
    const dist = site({ 'index.html': '' });
    expect(parseCheckLinksArgs(['--dir', dist], {})).toEqual({ dir: dist, base: '/' });
    expect(parseCheckLinksArgs(['--dir', dist], { BASE_PATH: '/gov-portal' })).toEqual({ dir: dist, base: '/gov-portal' });
    expect(parseCheckLinksArgs(['--dir', dist, '--base', '/x', '--concurrency', '4'], { BASE_PATH: '/gov-portal' })).toEqual({ dir: dist, base: '/x', concurrency: 4 });
    expect(parseCheckLinksArgs(['--help'], {})).toBeUndefined();
  });

  test.each([
    [['--dir', '/no/such/dist'], /--dir \/no\/such\/dist: no such folder/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--base', '/a?b'], /--base: base path/],
    [['--concurrency', '0'], /--concurrency must be a whole number ≥ 1/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('%j is refused with an InputError', (argv, message) => {
    const dist = site({ 'index.html': '' });
    const args = argv.includes('--dir') ? argv : ['--dir', dist, ...argv];
    expect(() => parseCheckLinksArgs(args, {})).toThrow(InputError);
    expect(() => parseCheckLinksArgs(args, {})).toThrow(message);
  });
});
