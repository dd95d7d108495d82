export { normalizeImage, parseNormalizedNamed, splitDockerDomain, familiarName } from './normalize.js';
export { parseReference, referenceString, type ParsedReference } from './parse.js';
