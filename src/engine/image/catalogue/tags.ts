/**
 * The tags the built-in catalogue's Docker Hub images can have, so a typo in a tag (`nginx:lates`,
 * `ubuntu:24.4`, `busybox:1.366x`) fails the pull as Docker Hub answers it (404 on the manifest:
 * containerd's `docker.io/library/nginx:lates: not found`). Each image's tag grammar is read from its
 * official-images library file (docker-library/official-images library/nginx, ubuntu, debian,
 * busybox, alpine, httpd, redis, postgres, mysql, node, python): a version with the image's major
 * numbers, the suite or variant words it uses, joined by `-`. A tag outside the grammar does not
 * exist; a tag inside it is taken to exist (the catalogue does not list every release), so a typo
 * that still reads as a version (`nginx:1.29.9`) is not caught.
 */
import type { ImageRef } from '../../model/index.js';
import { hubPath } from './lookup.js';

const DEBIAN_SUITES = ['trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'sid', 'forky'];
const UBUNTU_SUITES = ['resolute', 'questing', 'plucky', 'oracular', 'noble', 'mantic', 'lunar', 'kinetic', 'jammy', 'impish', 'hirsute', 'groovy', 'focal', 'eoan', 'disco', 'cosmic', 'bionic', 'artful', 'zesty', 'yakkety', 'xenial', 'wily', 'vivid', 'utopic', 'trusty', 'precise'];
const ALPINE = String.raw`alpine(?:3\.\d{1,2})?`;

/** `1`, `1.27`, `1.27.3` with the given majors. */
const version = (majors: string) => String.raw`(?:${majors})(?:\.\d{1,3}){0,2}`;
const words = (list: readonly string[]) => list.join('|');

/** `VERSION(-VARIANT)*` or `VARIANT(-VARIANT)*` or `latest`; variants from the image's library file. */
function grammar(majors: string, variants: readonly string[], extra: readonly string[] = []): RegExp {
  const v = `(?:${words(variants)})`;
  const head = `(?:${version(majors)}|${words(['latest', ...extra])}|${v})`;
  return new RegExp(`^${head}(?:-${v})*$`);
}

const debianVariants = [...DEBIAN_SUITES, 'slim', ALPINE];
const GRAMMARS: Readonly<Record<string, RegExp>> = {
  'library/nginx': grammar('1', [...debianVariants, 'perl', 'otel', 'slim'], ['stable', 'mainline']),
  'library/ubuntu': new RegExp(String.raw`^(?:latest|rolling|devel|(?:1[0-9]|2[0-9])\.(?:04|10)(?:\.\d{1,2})?|(?:${words(UBUNTU_SUITES)})(?:-\d{8}(?:\.\d{1,2})?)?)$`),
  'library/debian': new RegExp(String.raw`^(?:latest|stable|testing|unstable|oldstable|oldoldstable|experimental|rc-buggy|(?:[6-9]|1[0-5])(?:\.\d{1,2})?|(?:${words(DEBIAN_SUITES)})(?:-\d{8})?)(?:-(?:slim|backports|\d{8}))*$`),
  'library/busybox': grammar('1', ['glibc', 'musl', 'uclibc', 'stable', 'unstable', ...DEBIAN_SUITES]),
  'library/alpine': new RegExp(String.raw`^(?:latest|edge|3(?:\.\d{1,2}){0,2}|2\.\d(?:\.\d{1,2})?|20\d{6})$`),
  'library/httpd': grammar('2', debianVariants),
  'library/redis': grammar('[2-9]', debianVariants),
  'library/postgres': grammar('9|1[0-9]', debianVariants),
  'library/mysql': grammar('[5-9]', ['oracle', 'oraclelinux[89]', 'debian', 'lts', 'innovation'], ['lts', 'innovation']),
  'library/node': grammar('[0-9]|[12][0-9]', [...debianVariants, 'lts', 'current', 'iron', 'jod', 'hydrogen', 'gallium', 'krypton'], ['lts', 'current', 'iron', 'jod', 'hydrogen', 'gallium']),
  'library/python': grammar('[23]', [...debianVariants, 'windowsservercore', 'nanoserver'], ['3']),
};

/**
 * True when the built-in catalogue knows this Docker Hub tag does not exist. Only Docker Hub
 * (a mirror may carry any tag), only a tag (a digest is not judged), only the images above.
 */
export function tagKnownMissing(ref: ImageRef): boolean {
  if (ref.registry !== 'docker.io' || ref.digest !== null || ref.tag === null) return false;
  const path = hubPath(ref);
  const re = Object.hasOwn(GRAMMARS, path) ? GRAMMARS[path] : undefined;
  return re !== undefined && !re.test(ref.tag);
}
