import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../sh/system.js';
import { FIXTURE, run } from './harness.js';
import { COREUTILS } from './index.js';

/**
 * No input makes a tool throw: random argv (options, option clusters with values, long options,
 * file names that exist or not, regex and set syntax, numbers) and random stdin, on GNU and busybox
 * machines. Each run returns a status in 0..255 and prints only strings.
 */
const PROGRAMS: Readonly<Record<string, Program>> = { ...COREUTILS, false: () => 1, true: () => 0 };
const NAMES = Object.keys(COREUTILS);

const token = fc.oneof(
  fc.constantFrom('-', '--', '-n', '-c', '-l', '-r', '-R', '-i', '-v', '-d', '-f', '-s', '-u', '-w', '-x', '-o', '-e', '-E', '-F', '-P',
    '-A', '-B', '-C', '-k', '-t', '-I', '-0', '-1', '-a', '-h', '-p', '-m', '-z', '-Z', '--help', '--version', '--lines=3', '--li',
    '--color=always', '--no-such', '-n3', '-nx', '-3', '+2', '-c-5', '-k2,1n', '-t:', '-d:', '-f1-', '-f0', '-c2-1', '-w0', '-5v',
    'a.txt', 'b.txt', 'c.txt', 'dir', 'dir/f.yaml', 'nope', '/', '.', '..', '/etc/passwd', 'new.txt', 'x/y/z', '{}', ';', '+',
    '(', ')', '!', '-name', '-type', '-exec', '-maxdepth', '[:lower:]', '[:upper:]', 'a-z', 'z-a', '\\', '[', '\\(', 'a\\{1',
    '*', '.*', '^$', 'a|b', '(a', '[[:foo:]]', '1e3', 'inf', 'nan', '0', '-1', '99999999999999999999', '', ' ', '\n', 'é€'),
  fc.string({ maxLength: 8 }),
);
const argvOf = fc.tuple(fc.constantFrom(...NAMES), fc.array(token, { maxLength: 7 })).map(([name, rest]) => [name, ...rest]);
const stdin = fc.oneof(fc.constant(''), fc.constant('alpha\nbeta\n\ngamma 1\n'), fc.string({ maxLength: 60 }), fc.constant("'unterminated\n"));

describe('every tool, any argv and stdin: no exception, a status 0..255', () => {
  it.each(['gnu', 'busybox'] as const)('%s', (flavor) => {
    fc.assert(
      fc.property(argvOf, stdin, fc.boolean(), (argv, input, tty) => {
        const prog = PROGRAMS[argv[0] as string] as Program;
        const r = run(prog, flavor, argv, { files: FIXTURE, stdin: input, programs: PROGRAMS, tty });
        expect(Number.isInteger(r.code) && r.code >= 0 && r.code <= 255).toBe(true);
        expect(r.ctx.out.chunks.every((c) => typeof c.text === 'string')).toBe(true);
      }),
      { numRuns: 1500, seed: 16 },
    );
  });
});
