import { lookupImage, type PasswdEntry } from '../../engine/index.js';
import type { DockerImage } from '../types.js';

export interface ImageInfo {
  readonly user?: string;
  readonly passwd: readonly PasswdEntry[];
  /** The image's default command (CMD). */
  readonly cmd: readonly string[];
}

export function imageInfo(image: string, built: readonly DockerImage[]): ImageInfo {
  const b = built.find((i) => i.name === image || i.name === `${image}:latest`);
  if (b) {
    const base = imageInfo(b.from, built.filter((x) => x !== b));
    return { ...base, ...(b.user !== undefined ? { user: b.user } : {}) };
  }
  const { ref, meta } = lookupImage(image);
  return { ...(meta.user !== undefined ? { user: meta.user } : {}), passwd: meta.passwd, cmd: defaultCmd(ref?.repository ?? '') };
}

/** The image's CMD, for `docker ps` and `ps aux` when `docker run` names no command. */
function defaultCmd(repository: string): readonly string[] {
  switch (repository) {
    case 'library/ubuntu': return ['/bin/bash'];
    case 'library/debian': return ['bash'];
    case 'library/nginx': return ['nginx', '-g', 'daemon off;'];
    case 'library/alpine': return ['/bin/sh'];
    default: return ['sh'];
  }
}

/** uid/gid of `--user` (or the image USER): a name resolves through passwd; `uid:gid` keeps the gid. */
export function resolveUser(user: string | undefined, passwd: readonly PasswdEntry[]): { uid: number; gid: number } | { error: string } {
  if (user === undefined || user === '') return { uid: 0, gid: 0 };
  const [u = '', g] = user.split(':');
  let uid: number;
  if (/^\d+$/.test(u)) uid = Number(u);
  else {
    const e = passwd.find((p) => p.name === u);
    if (!e) return { error: `unable to find user ${u}: no matching entries in passwd file` };
    uid = e.uid;
  }
  const gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : (passwd.find((p) => p.uid === uid)?.gid ?? 0);
  return { uid, gid };
}
