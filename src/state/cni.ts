import { isMap, isScalar, parseAllDocuments } from 'yaml';
import { CNI_NAMES, isCni } from '../engine/index.js';
import type { Cni } from '../engine/model/index.js';

/**
 * The CNI picker edits the sources, not a store override: the lab/v1 Cluster document is the one
 * truth that the editor, the graph, the terminal (`kubectl get netpol`), lesson checks, share links
 * and the CLI all read. An override in the store would make the CLI and the editor disagree.
 */

export const CNIS: readonly Cni[] = CNI_NAMES;
export const DEFAULT_CNI: Cni = 'calico';
export const CLUSTER_FILE = 'cluster.yaml';

interface FileLike { readonly name: string; readonly text: string }

function clusterDocs(text: string) {
  try {
    return parseAllDocuments(text).filter((doc) =>
      !('errors' in doc && doc.errors.length > 0) && doc.get('apiVersion') === 'lab/v1' && doc.get('kind') === 'Cluster');
  } catch {
    return []; // half-typed YAML: the engine reports it; the picker just finds nothing here
  }
}

/** The CNI the scenario declares (the first lab/v1 Cluster document), else the default. */
export function readCni(files: readonly FileLike[]): Cni {
  for (const file of files) {
    for (const doc of clusterDocs(file.text)) {
      const value = doc.getIn(['spec', 'cni']);
      return isCni(value) ? value : DEFAULT_CNI;
    }
  }
  return DEFAULT_CNI;
}

export function clusterDocument(cni: Cni): string {
  return [
    '# The simulated cluster (lab/v1, not a Kubernetes kind): which network plugin runs.',
    'apiVersion: lab/v1',
    'kind: Cluster',
    'metadata:',
    '  name: lab',
    'spec:',
    `  cni: ${cni}`,
    '',
  ].join('\n');
}

/**
 * Sets the CNI with the smallest text edit: replace the value of `spec.cni` in place (comments and
 * layout survive), else add the field, else add a `cluster.yaml` file. Choosing the default with no
 * Cluster document changes nothing.
 */
export function writeCni<F extends FileLike>(files: readonly F[], cni: Cni, make: (name: string, text: string) => F): readonly F[] {
  for (let i = 0; i < files.length; i += 1) {
    const file = files[i];
    if (!file) continue;
    const doc = clusterDocs(file.text)[0];
    if (!doc) continue;
    const node = doc.getIn(['spec', 'cni'], true);
    let text: string;
    if (isScalar(node) && node.range) {
      text = file.text.slice(0, node.range[0]) + cni + file.text.slice(node.range[1]);
    } else if (doc.contents && isMap(doc.contents) && doc.contents.range) {
      doc.setIn(['spec', 'cni'], cni);
      const [start, , end] = doc.contents.range;
      const body = doc.contents.toString().replace(/\n?$/, '\n');
      text = file.text.slice(0, start) + body + file.text.slice(end);
    } else {
      continue;
    }
    const next = files.slice();
    next[i] = { ...file, text };
    return next;
  }
  if (cni === DEFAULT_CNI) return files;
  const name = files.some((f) => f.name === CLUSTER_FILE) ? `cluster-${files.length + 1}.yaml` : CLUSTER_FILE;
  return [...files, make(name, clusterDocument(cni))];
}
