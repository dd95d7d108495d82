import type { Ctx } from '../context.js';
import { hexId } from '../encode.js';

/**
 * `docker build -t NAME .` reading the `Dockerfile` tab: FROM and USER are what the lab uses.
 * Output in the classic builder's step format (deterministic, unlike BuildKit's timings).
 */
export function dockerBuild(args: string[], ctx: Ctx): number {
  let tag: string | undefined;
  let file = 'Dockerfile';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-t' || a === '--tag') tag = args[++i];
    else if (a.startsWith('--tag=')) tag = a.slice(6);
    else if (a === '-f' || a === '--file') file = args[++i] ?? file;
    else rest.push(a);
  }
  if (rest.length !== 1) {
    ctx.out.errLine(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.`);
    return 1;
  }
  const df = ctx.files.find((f) => f.name === file || f.name.endsWith(`/${file}`));
  if (!df) {
    ctx.out.errLine(`ERROR: failed to solve: failed to read dockerfile: open ${file}: no such file or directory`);
    return 1;
  }
  const steps = df.text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let from: string | undefined;
  let user: string | undefined;
  const out: string[] = ['Sending build context to Docker daemon  2.048kB'];
  steps.forEach((step, i) => {
    out.push(`Step ${i + 1}/${steps.length} : ${step}`);
    const [instr = '', ...argsw] = step.split(/\s+/);
    const arg = argsw.join(' ');
    if (instr.toUpperCase() === 'FROM') from = arg.split(/\s+/)[0];
    if (instr.toUpperCase() === 'USER') user = arg;
    out.push(` ---> ${hexId(`${df.text}#${i}`, 12)}`);
  });
  if (!from) {
    ctx.out.errLine('ERROR: failed to solve: no build stage in current context');
    return 1;
  }
  const name = tag ? (tag.includes(':') ? tag : `${tag}:latest`) : null;
  const id = hexId(`${df.text}#image`);
  out.push(`Successfully built ${id.slice(0, 12)}`);
  if (name) out.push(`Successfully tagged ${name}`);
  ctx.out.out(`${out.join('\n')}\n`);
  ctx.runtime.images = [...ctx.runtime.images.filter((i) => i.name !== name), { name: name ?? `<none>:${id.slice(0, 12)}`, from, ...(user !== undefined ? { user } : {}), id }];
  return 0;
}
