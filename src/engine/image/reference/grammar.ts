/**
 * The reference grammar of distribution/reference (regexp.go), as JavaScript regular expressions.
 * Go's RE2 and JavaScript agree on these patterns: leftmost-first alternation, `\w` = [0-9A-Za-z_].
 */

/** A path component: lower-case alphanumerics joined by one `.`, one or two `_`, or any number of `-`. */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
/** One or more path components separated by `/` (e.g. `library/ubuntu`). */
const remoteName = `${pathComponent}(?:/${pathComponent})*`;

/** A domain component may use upper case: only the path must be lower case. */
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
/** IPv6 between brackets, without zone identifiers. */
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;

const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';

const namePat = `(?:${domainAndPort}/)?${remoteName}`;

/** Captures: 1 name, 2 tag, 3 digest. */
export const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digest}))?$`);
/** Captures: 1 domain (may be undefined), 2 path. */
export const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
/** A bare 64-hex identifier is refused as a repository name (it would look like an image ID). */
export const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
export const anchoredTagRegexp = new RegExp(`^${tag}$`);

/** RepositoryNameTotalLengthMax: the path (without domain) may not exceed this. */
export const repositoryNameTotalLengthMax = 255;
