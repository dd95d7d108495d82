export type * from './source.js';
export type * from './diagnostic.js';
export type * from './objects.js';
export type * from './image.js';
export type * from './security.js';
export type * from './network.js';
export type * from './analysis.js';
export { sub, formatPath } from './source.js';
export type * from './node.js';
