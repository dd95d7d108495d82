import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import { projectManifests } from '../../testing/hostile/corpus-files.js';
import { yamlPiece } from '../../testing/hostile/yaml-streams.js';
import { ENGINE_OPTIONS } from './cache.js';
import { NOT, readSimpleDocument, resolveByTags, resolvePlain } from './fast.js';
import { pieceEnd, splitDocuments } from './split.js';
import { sameData } from './index.js';
import { duplicateKeys } from './unique-keys.js';

const RUNS = Number(process.env.KSLAB_PROPERTY_RUNS ?? 500);
const TIMEOUT = Math.max(30_000, RUNS * 10);

/** What the engine takes from the `yaml` package for one piece: an error, or the value (undefined when empty). */
function viaPackage(text: string): { error: boolean; value?: unknown; empty?: boolean } {
  const doc = parseDocument(text, ENGINE_OPTIONS) as Document.Parsed;
  if (doc.errors.length > 0 || duplicateKeys(doc).length > 0) return { error: true };
  const empty = doc.contents === null || (doc.contents as { value?: unknown }).value === null;
  try {
    return { error: false, empty, value: empty ? undefined : doc.toJS({ maxAliasCount: 1000 }) };
  } catch {
    return { error: true };
  }
}

/** Reading `text` quickly, when it reads, gives what the package gives (values compared with Object.is, key order, prototypes). */
function agrees(text: string): boolean {
  const fast = readSimpleDocument(text);
  if (!fast) return false;
  const yaml = viaPackage(text);
  expect(yaml.error, JSON.stringify(text)).toBe(false);
  expect(fast.empty, JSON.stringify(text)).toBe(yaml.empty);
  expect(sameData(fast.value, yaml.value, 0), `${JSON.stringify(text)}: ${JSON.stringify(fast.value)} vs ${JSON.stringify(yaml.value)}`).toBe(true);
  return true;
}

describe('the quick reader of plain documents (issue 12)', () => {
  it('reads what it reads as the yaml package does, on generated documents', () => {
    let read = 0;
    fc.assert(fc.property(yamlPiece, (text) => { if (agrees(text)) read++; }), { numRuns: RUNS });
    // Most generated documents are plain enough: the reader must not give up on them all.
    expect(read).toBeGreaterThan(RUNS / 4);
  }, TIMEOUT);

  it('reads as the yaml package does every document of the scenarios and lessons', () => {
    let read = 0, pieces = 0;
    for (const { text } of projectManifests()) {
      const starts = splitDocuments(text) ?? [0];
      starts.forEach((start, i) => {
        pieces++;
        if (agrees(text.slice(start, pieceEnd(starts, i, text.length)))) read++;
      });
    }
    expect(pieces).toBeGreaterThan(50);
    expect(read / pieces).toBeGreaterThan(0.5);
  });

  it('reads kubectl-style block YAML, flow collections, quoted keys and YAML 1.1 scalars', () => {
    const text = `---
apiVersion: v1
kind: Pod   # comment
metadata:
  name: web
  labels: {app: web, "x.io/y": 'it''s'}
  annotations:
    note: "a # not a comment"
spec:
  containers:
  - name: c
    image: nginx:1.27
    ports: [{containerPort: 80}, {containerPort: 0644}]
    securityContext:
      runAsNonRoot: yes
      runAsUser: 1_000
  -   name: d
      args: []
  volumes:
      -
        name: v
      - ~
`;
    expect(readSimpleDocument(text)?.value).toEqual({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web', 'x.io/y': "it's" }, annotations: { note: 'a # not a comment' } },
      spec: {
        containers: [
          { name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }, { containerPort: 420 }], securityContext: { runAsNonRoot: true, runAsUser: 1000 } },
          { name: 'd', args: [] },
        ],
        volumes: [{ name: 'v' }, null],
      },
    });
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a tab', 'a:\t1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a merge key', 'a: {x: 1}\n<<: {y: 2}\n'],
    ['a key that is not a string', '80: http\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a deeper line where none may be', 'a: 1\n  b: 2\n'],
    ['an unclosed flow collection', 'a: [1, 2\n'],
    ['a flow scalar with a colon', 'a: {image: nginx:1.27}\n'],
    ['a key named __proto__', '__proto__: {x: 1}\n'],
  ])('leaves %s to the yaml package', (_what, text) => {
    expect(readSimpleDocument(text)).toBeUndefined();
  });

  it('resolves a plain scalar as the tags do, the shortcut for long words included', () => {
    const words = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9._:-]{0,12}$/),
      fc.constantFrom('yes', 'Yes', 'YES', 'no', 'on', 'Off', 'true', 'False', 'FALSE', 'null', 'Null', 'NULL', '~', 'y', 'N',
        '0644', '0x1F', '0b11', '1_000', '.inf', '-.INF', '.NaN', '1e3', '1:30', '<<', 'nginx', 'latest'),
    );
    fc.assert(fc.property(words, fc.boolean(), (w, atKey) => {
      const a = resolvePlain(w, atKey), b = resolveByTags(w, atKey);
      expect(a === NOT ? 'NOT' : a).toEqual(b === NOT ? 'NOT' : b);
      expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))).toBe(true);
    }), { numRuns: RUNS * 4 });
  }, TIMEOUT);
});
