import type { ContainerReport, PodReport } from '../../../engine/index.js';
import { LAB_CREATED } from '../../clock.js';
import type { Ctx } from '../../context.js';
import { registerLogSource } from '../../kubectl/logs.js';
import { NGINX_VERSION } from './http.js';

/**
 * What server containers write to their stdout/stderr, for `kubectl logs`: the nginx image's
 * entrypoint and start-up notices (docker-nginx docker-entrypoint.sh and docker-entrypoint.d/*,
 * nginx's notice-level start messages; research nginx.md §5), then the lines the lab's own probes
 * made it log (its `main` access log format, §4).
 */
const p2 = (n: number) => String(n).padStart(2, '0');

/** nginx's error-log time: `2024/05/20 08:50:00`. */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function nginxStartup(kernel: string, cpus: number): string {
  const t = nginxTime(LAB_CREATED);
  const entry = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  ];
  const notices = [
    'using the "epoll" event method', NGINX_VERSION, 'built by gcc 12.2.0 (Debian 12.2.0-14)', `OS: Linux ${kernel}`,
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes',
    ...Array.from({ length: cpus }, (_, i) => `start worker process ${29 + i}`),
  ].map((m) => `${t} [notice] 1#1: ${m}`);
  return `${[...entry, ...notices].join('\n')}\n`;
}

function serverLogs(ctx: Ctx, pod: PodReport, c: ContainerReport): string {
  const repo = c.image.ref?.repository ?? '';
  if (c.state !== 'Running') return '';
  const lines = ctx.runtime.logs[`${pod.key}/${c.container.name}`] ?? [];
  const probes = lines.length ? `${lines.join('\n')}\n` : '';
  if (repo === 'library/nginx' || repo === 'nginx') {
    const node = ctx.analysis().nodes.find((n) => n.name === pod.pod.nodeName);
    return nginxStartup(node?.kernelVersion ?? '5.15.0-105-generic', 2) + probes;
  }
  return probes;
}

registerLogSource(serverLogs);
