/**
 * `docker pull` and the pull `docker run` makes for an image the host does not have. docker/cli
 * cli/command/container/create.go: `Unable to find image '%s' locally` on stderr with
 * reference.FamiliarString(reference.TagNameOnly(ref)), then the pull; its error is reported as
 * `docker: Error response from daemon: ….` + `See 'docker run --help'.` (exit 125). `docker pull`:
 * cli/command/image/pull.go prints `Using default tag: latest` when no tag is given, the daemon's
 * progress (`TAG: Pulling from PATH`, `Digest: …`, `Status: Image is up to date for NAME`), then the
 * full reference; an error is `Error response from daemon: …` (exit 1). The daemon's errors and the
 * lab rule about which images exist: engine image/docker-pull.ts.
 */
import { dockerPull } from '../../engine/index.js';
import type { Command, Ctx } from '../context.js';
import { hexId } from '../encode.js';

/** The daemon's pull error for an image it has not built, or null when the pull would succeed. */
export function pullError(image: string, ctx: Ctx): { familiar: string; error: string } | null {
  if (ctx.runtime.images.some((i) => i.name === image || i.name === `${image}:latest`)) return null;
  const r = dockerPull(image, ctx.analysis().cluster);
  return r !== null && !r.ok ? { familiar: r.familiar, error: r.error } : null;
}

export const dockerPullCommand: Command = (args, ctx) => {
  const image = args.find((a) => !a.startsWith('-'));
  if (image === undefined) {
    ctx.out.errLine('"docker pull" requires exactly 1 argument.\nSee \'docker pull --help\'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry');
    return 1;
  }
  const r = dockerPull(image, ctx.analysis().cluster);
  if (r === null) {
    ctx.out.errLine('invalid reference format');
    return 1;
  }
  const ref = r.ref;
  // A tag or digest is written after the last `/` (a registry's `:port` comes before it).
  if (!/[:@]/.test(image.slice(image.lastIndexOf('/') + 1))) ctx.out.line('Using default tag: latest');
  if (!r.ok) {
    ctx.out.errLine(`Error response from daemon: ${r.error}`);
    return 1;
  }
  ctx.out.line(`${ref.digest ?? ref.tag ?? 'latest'}: Pulling from ${ref.repository}`);
  ctx.out.line(`Digest: sha256:${hexId(`digest-${r.full}`)}`);
  ctx.out.line(`Status: Image is up to date for ${r.familiar}`);
  ctx.out.line(r.full);
  return 0;
};
