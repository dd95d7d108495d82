/**
 * `Parse` of distribution/reference (reference.go): a syntactically valid reference, not yet
 * normalized. Errors carry the library's exact text (the kubelet prints it).
 */
import { validateDigest } from './digest.js';
import { anchoredNameRegexp, referenceRegexp, repositoryNameTotalLengthMax } from './grammar.js';

export interface ParsedReference {
  /** '' when the reference has no domain part. */
  readonly domain: string;
  readonly path: string;
  /** '' when absent. */
  readonly tag: string;
  /** '' when absent. */
  readonly digest: string;
}

export type ParseResult =
  | { readonly ok: true; readonly ref: ParsedReference }
  | { readonly ok: false; readonly error: string };

export const errors = {
  invalidFormat: 'invalid reference format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${repositoryNameTotalLengthMax} characters`,
} as const;

export function parseReference(s: string): ParseResult {
  if (s === '') return { ok: false, error: errors.nameEmpty };
  const m = referenceRegexp.exec(s);
  if (!m) {
    // Succeeds when lower-cased: the input only breaks the lower-case rule.
    const lower = s.toLowerCase();
    if (lower !== s && referenceRegexp.test(lower)) return { ok: false, error: errors.nameContainsUppercase };
    return { ok: false, error: errors.invalidFormat };
  }
  const name = m[1] ?? '';
  const nm = anchoredNameRegexp.exec(name);
  const domain = nm?.[1] ?? '';
  const path = nm ? (nm[2] ?? '') : name;
  if (path.length > repositoryNameTotalLengthMax) return { ok: false, error: errors.nameTooLong };
  const digest = m[3] ?? '';
  if (digest !== '') {
    const problem = validateDigest(digest);
    if (problem !== null) return { ok: false, error: problem };
  }
  return { ok: true, ref: { domain, path, tag: m[2] ?? '', digest } };
}

/** `String()` of the parsed reference: name[:tag][@digest]. */
export function referenceString(r: ParsedReference): string {
  const name = r.domain === '' ? r.path : `${r.domain}/${r.path}`;
  return name + (r.tag !== '' ? `:${r.tag}` : '') + (r.digest !== '' ? `@${r.digest}` : '');
}
