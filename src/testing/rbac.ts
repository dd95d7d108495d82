import { analyze } from '../engine/index.js';
import type { RbacAnalysis } from '../engine/model/index.js';

/** The cluster's RBAC (built-in objects and the manifests' own) after analyzing one YAML file. */
export function rbacOf(yaml: string): RbacAnalysis {
  return analyze([{ name: 'rbac.yaml', text: yaml }]).rbac;
}
