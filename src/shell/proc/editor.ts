import { resolvePath } from '../sh/fs.js';
import { tabName } from '../sh/host-fs.js';
import type { Program } from '../sh/system.js';

/**
 * `vi FILE` / `vim` / `nano`: the lab's editor *is* the exam's vi. The file opens as an editor
 * tab (created empty when new); the terminal comes back at once. Only files in the home
 * directory are tabs.
 */
export const editor: Program = (argv, ctx) => {
  const name = argv[0] ?? 'vi';
  const file = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (file === undefined) {
    ctx.out.errLine(`lab: ${name} needs a file name here (the lab opens it in the editor): ${name} FILE`);
    return 1;
  }
  const path = resolvePath(ctx.cwd, file);
  const tab = tabName(path);
  if (tab === null) {
    ctx.out.errLine(`lab: ${name}: only files in ~ open in the editor (${path} is outside it)`);
    return 1;
  }
  const st = ctx.sys.fs.stat(path);
  if (typeof st !== 'string' && st.type === 'dir') {
    ctx.out.errLine(`lab: ${name}: ${file} is a directory`);
    return 1;
  }
  if (typeof st === 'string') {
    const err = ctx.sys.fs.write(path, '', false);
    if (err) {
      ctx.out.errLine(`lab: ${name}: cannot create ${file}`);
      return 1;
    }
  }
  ctx.edit = tab;
  return 0;
};
