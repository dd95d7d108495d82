import { lookupImage } from '../../engine/index.js';
import type { Ctx } from '../context.js';
import type { Proc } from '../proc/process.js';
import { containerSystem } from '../sh/container.js';
import type { System } from '../sh/system.js';
import type { DockerContainer, DockerImage } from '../types.js';

/** A built image's public base (`my-ubuntu-image` → `ubuntu`), which decides the tools inside. */
function baseImage(image: string, built: readonly DockerImage[], depth = 0): string {
  const b = built.find((i) => i.name === image || i.name === `${image}:latest`);
  return b && depth < 8 ? baseImage(b.from, built, depth + 1) : image;
}

/** A `docker run` container as a machine (docker's own /etc/hosts and resolv.conf). */
export function dockerSystem(ctx: Ctx, c: DockerContainer, proc: Proc): System {
  const extra = new Map([
    ['/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${c.id.slice(0, 12)}\n`],
    ['/etc/resolv.conf', 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n'],
  ]);
  return containerSystem(ctx, {
    key: `docker:${c.id}`, proc, image: lookupImage(baseImage(c.image, ctx.runtime.images)).ref,
    extra, mounts: [], readOnlyRoot: false, env: {},
    // docker's bridge network is outside the cluster; the lab does not simulate it.
    net: () => null,
  });
}
