export { matchesSelector, matchesRequirement, isEmptySelector, formatSelector, formatLabels } from './match.js';
