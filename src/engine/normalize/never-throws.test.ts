// normalize() must turn any document into diagnostics, never an exception (architecture.md §2).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../parse/index.js';
import { fieldTree } from './field-tree.js';
import { normalize } from './index.js';

// Real field names so random documents reach deep into the readers, plus some junk.
const names = [...new Set(Object.values(fieldTree.types).flatMap((t) => Object.keys(t)))];
const key = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 4 }));
const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 70000 }), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom('TCP', 'In', 'Exists', '10.0.0.0/8', 'YQ==', '{"auths":{"r":{"auth":"eDp5"}}}', 'kubernetes.io/dockerconfigjson', 'http'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;
const kinds = Object.keys(fieldTree.kinds).map((k) => ({ apiVersion: k.slice(0, k.lastIndexOf('/')), kind: k.slice(k.lastIndexOf('/') + 1) }));

describe('normalize never throws', () => {
  it('on random documents of every simulated kind', () => {
    fc.assert(fc.property(fc.constantFrom(...kinds), fc.dictionary(key, value, { maxKeys: 5 }), value, (k, body, spec) => {
      const text = stringify({ ...k, metadata: { name: 'x' }, spec, ...body });
      const out = normalize(parseSources([{ name: 'f.yaml', text }]));
      // normalize() catches reader bugs as `internal` diagnostics: there must be none.
      expect(out.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
    }), { numRuns: 200 });
  }, 30_000);

  it('on arbitrary YAML-ish text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => {
      const out = normalize(parseSources([{ name: 'f.yaml', text }]));
      expect(out.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
    }), { numRuns: 300 });
  }, 30_000);
});
