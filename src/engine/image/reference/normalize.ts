/**
 * `ParseNormalizedNamed` + `TagNameOnly` of distribution/reference (normalize.go): what the kubelet
 * and containerd do to `image:` before pulling.
 */
import type { ImageRef } from '../../model/index.js';
import { anchoredIdentifierRegexp } from './grammar.js';
import { parseReference, referenceString, type ParsedReference } from './parse.js';

const defaultDomain = 'docker.io';
const legacyDefaultDomain = 'index.docker.io';
const officialRepoPrefix = 'library/';
const defaultTag = 'latest';

export type NormalizeResult =
  | { readonly ok: true; readonly ref: ImageRef; readonly parsed: ParsedReference }
  | { readonly ok: false; readonly error: string };

/**
 * The first component is a registry only when it is `localhost` or has `.`, `:` or upper case;
 * `index.docker.io` is Docker Hub; `library/` is added only to Docker Hub one-component paths.
 */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: defaultDomain, remainder: officialRepoPrefix + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemainder = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (maybeDomain === legacyDefaultDomain) {
    [domain, remainder] = [defaultDomain, maybeRemainder];
  } else if (/[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else {
    [domain, remainder] = [defaultDomain, name];
  }
  if (domain === defaultDomain && !remainder.includes('/')) remainder = officialRepoPrefix + remainder;
  return { domain, remainder };
}

/** ParseNormalizedNamed: the error text is the library's. */
export function parseNormalizedNamed(s: string): { ok: true; parsed: ParsedReference } | { ok: false; error: string } {
  if (anchoredIdentifierRegexp.test(s)) {
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  }
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const r = parseReference(`${domain}/${remainder}`);
  if (!r.ok) return r;
  // A name is always present here (domain + '/'), so the "has no name" branch cannot happen.
  return { ok: true, parsed: r.ref };
}

/** `FamiliarName`: Docker Hub's domain and a lone `library/` are dropped. */
export function familiarName(domain: string, path: string): string {
  if (domain !== defaultDomain) return `${domain}/${path}`;
  if (path.startsWith(officialRepoPrefix)) {
    const rest = path.slice(officialRepoPrefix.length);
    if (!rest.includes('/')) return rest;
  }
  return path;
}

/** Normalize `image:` into an ImageRef; the tag `latest` is added only when neither tag nor digest is given. */
export function normalizeImage(original: string): NormalizeResult {
  const r = parseNormalizedNamed(original);
  if (!r.ok) return r;
  const p = r.parsed;
  const tag = p.tag !== '' ? p.tag : p.digest === '' ? defaultTag : null;
  const withTag: ParsedReference = { ...p, tag: tag ?? '' };
  const familiar = familiarName(p.domain, p.path) + (tag !== null ? `:${tag}` : '') + (p.digest !== '' ? `@${p.digest}` : '');
  return {
    ok: true,
    parsed: p,
    ref: {
      original,
      reference: referenceString(withTag),
      registry: p.domain,
      repository: p.path,
      tag,
      digest: p.digest === '' ? null : p.digest,
      familiar,
    },
  };
}
