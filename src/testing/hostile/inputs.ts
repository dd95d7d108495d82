// The small hostile inputs of issue 12, one place for every runner: the engine's corpus with its
// budgets (bounds.test.ts) and the browser's paste journey (e2e/hostile-paste.spec.ts). Big ones are
// generated (generate.ts); terminal escapes are in escapes.ts.

/** One Pod in flow style; `extra` continues its container's mapping. */
export const POD = (name: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c, image: nginx${extra}}]}\n`;
/** An image pull Secret whose .dockerconfigjson is `data` (as written in the YAML). */
export const SECRET = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: ${data}}\n`;
/** A NetworkPolicy named p with `spec`. */
export const POLICY = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: ${spec}\n`;

export const HOSTILE = {
  aliasBomb: ['a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n') + '\n',
  mergeKeyBomb: 'a: &a {x: 1}\nb: &b {<<: [*a, *a, *a, *a]}\nc: {<<: [*b, *b, *b, *b]}\n' + POD('web').replace('apiVersion', 'z: 1\napiVersion'),
  invalidUtf8Name: POD('bad\uFFFDname'),
  loneSurrogate: POD('x') + '---\n' + POD('y\uD800'),
  bom: '\uFEFF' + POD('web'),
  crlf: (POD('web') + '---\nkind: Pod\n').replace(/\n/g, '\r\n'),
  tabIndent: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
  tabAfterColon: POD('web').replace('kind: Pod', 'kind:\tPod'),
  duplicateKeys: POD('web').replace('kind: Pod', 'kind: Pod\nkind: Pod'),
  map10k: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n${Array.from({ length: 10_000 }, (_, i) => `  k${i}: v`).join('\n')}\n`,
  scalarDocuments: 'hello\n---\n42\n',
  listDocument: '- a\n- b\n',
  empty: '',
  onlyComments: '# nothing here\n---\n---\n...\n',
  emptyDocuments10k: '---\n'.repeat(10_000),
  nul: POD('web') + '\u0000\n',
  crOnly: POD('web').replace(/\n/g, '\r'),
  unknownTags: 'apiVersion: v1\nkind: Pod\nmetadata: {name: !foo web}\nspec: !!binary aGVsbG8=\n',
  scalar1MB: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {x: "${'x'.repeat(1_000_000)}"}\n`,
  metadataNumber: 'apiVersion: v1\nkind: Pod\nmetadata: 5\n',
  wrongTypes: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: [x]}\nspec: {containers: "x"}\n',
  portString: POD('b', ', ports: [{containerPort: "80"}]'),
  port1e400: POD('b', ', ports: [{containerPort: 1e400}]'),
  replicas1e8: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 100000000, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n',
  htmlLabel: POD('web').replace('{name: web}', '{name: web, labels: {app: "<script>🙂"}}'),
  noKind: 'apiVersion: v1\nmetadata: {name: x}\n',
  unknownKind: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n',
  cidrGarbage: POLICY('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}, {ipBlock: {cidr: 999.1.1.1/8}}, {ipBlock: {cidr: x}}, {ipBlock: {cidr: "::/129"}}, {ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}]}]}'),
  secretNotBase64: SECRET('"!!!not base64"'),
  secretBadJson: SECRET(btoa('{oops')),
  secretWrongShape: SECRET(btoa('{"auths": 5}')),
} as const satisfies Record<string, string>;
