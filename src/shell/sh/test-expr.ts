import type { Fs } from './fs.js';
import { resolvePath } from './fs.js';

/**
 * test(1) / `[`: unary file and string tests, binary string and integer comparisons, `!`, `-a`,
 * `-o` (XCU test). Returns the truth, or an error text (`integer expression expected`).
 */
export function testExpr(args: readonly string[], fs: Fs, cwd: string): boolean | string {
  let i = 0;
  const file = (p: string) => fs.stat(resolvePath(cwd, p));
  const int = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : `${s}: integer expression expected`);
  const primary = (): boolean | string => {
    const a = args[i];
    if (a === undefined) return false;
    if (a === '!') { i++; const r = primary(); return typeof r === 'string' ? r : !r; }
    const b = args[i + 1];
    const c = args[i + 2];
    if (b !== undefined && c !== undefined && ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(b)) {
      i += 3;
      if (b === '=' || b === '==') return a === c;
      if (b === '!=') return a !== c;
      const x = int(a), y = int(c);
      if (typeof x === 'string') return x;
      if (typeof y === 'string') return y;
      return b === '-eq' ? x === y : b === '-ne' ? x !== y : b === '-lt' ? x < y : b === '-le' ? x <= y : b === '-gt' ? x > y : x >= y;
    }
    if (/^-[a-zA-Z]$/.test(a) && b !== undefined) {
      i += 2;
      const st = file(b);
      switch (a) {
        case '-z': return b === '';
        case '-n': return b !== '';
        case '-e': case '-r': case '-w': return typeof st !== 'string';
        case '-f': return typeof st !== 'string' && st.type === 'file';
        case '-d': return typeof st !== 'string' && st.type === 'dir';
        case '-s': return typeof st !== 'string' && st.size > 0;
        case '-x': return typeof st !== 'string' && st.type === 'dir';
        case '-L': case '-h': return false;
        default: return `${a}: unary operator expected`;
      }
    }
    i++;
    return a !== '';
  };
  const and = (): boolean | string => {
    let r = primary();
    while (args[i] === '-a') { i++; const s = primary(); if (typeof r === 'string') return r; if (typeof s === 'string') return s; r = r && s; }
    return r;
  };
  let r = and();
  while (args[i] === '-o') { i++; const s = and(); if (typeof r === 'string') return r; if (typeof s === 'string') return s; r = r || s; }
  if (i < args.length && typeof r !== 'string') return args.length > 3 ? 'too many arguments' : `${args[i]}: binary operator expected`;
  return r;
}
