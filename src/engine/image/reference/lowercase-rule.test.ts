// Where the lower-case rule of distribution/reference applies, and where it does not.
// reference.go Parse: when the reference regexp fails, ErrNameContainsUppercase only if the
// lower-cased input then matches, else ErrReferenceInvalidFormat. normalize.go ParseNormalizedNamed:
// `remote` is the remainder up to its first ':' (`tagSep > -1`), and only that must be lower case
// (a tag may be upper case); splitDockerDomain cuts at the first '/' (strings.Cut), so an input
// starting with '/' has the empty first element, which is not a domain: Docker Hub, remainder as written.
import { describe, expect, it } from 'vitest';
import { normalizeImage } from './normalize.js';
import { parseReference } from './parse.js';

describe('Parse: upper case is the fault only when lower case would parse', () => {
  it.each([
    ['Aa/asdf$$^/aa', 'invalid reference format'],
    ['Nginx:', 'invalid reference format'],
    ['Nginx', 'repository name must be lowercase'],
  ])('%s ⇒ %s', (input, error) => {
    expect(parseReference(input)).toEqual({ ok: false, error });
  });
});

describe('ParseNormalizedNamed: the remote ends at the first colon of the remainder', () => {
  it.each([
    // A one-character repository: the colon is at index 1 of the remainder.
    ['example.com/a:V1', 'example.com', 'a', 'V1'],
    ['localhost/b:Latest', 'localhost', 'b', 'Latest'],
  ])('%s is valid: the upper-case tag is not part of the remote', (input, registry, repository, tag) => {
    const r = normalizeImage(input);
    expect(r.ok && [r.ref.registry, r.ref.repository, r.ref.tag]).toEqual([registry, repository, tag]);
  });

  it.each([
    // The colon opens the remainder: the remote is empty (lower case), and Parse refuses the rest.
    ['localhost/:Foo', 'invalid reference format'],
    // A leading '/': the first element is empty, so Docker Hub with the whole input as remainder.
    ['/Foo', 'invalid reference format: repository name (/Foo) must be lowercase'],
    ['/Foo:tag', 'invalid reference format: repository name (/Foo) must be lowercase'],
    ['/foo', 'invalid reference format'],
  ])('%s ⇒ %s', (input, error) => {
    expect(normalizeImage(input)).toEqual({ ok: false, error });
  });
});
