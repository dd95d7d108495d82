import type { OtherObject } from '../model/index.js';
import type { ObjectDoc } from './document.js';
import type { Collected } from './collected.js';
import { readClusterConfig, readExternalHost, readRegistry } from './lab-kinds.js';
import { readNetworkPolicy } from './network-policy.js';
import { readClusterRole, readClusterRoleBinding, readRole, readRoleBinding } from './rbac.js';
import { readPod } from './pod.js';
import { readSecret } from './secret.js';
import { readEndpointSlice, readEndpoints } from './endpoints.js';
import { readService } from './service.js';
import { readServiceAccount } from './simple-kinds.js';
import { field, stringMap } from './values.js';
import { readWorkload, WORKLOAD_KINDS, type WorkloadKind } from './workloads.js';

/** What to add to the cluster once the object is known to be valid and not a duplicate. */
export type Commit = (c: Collected) => void;

/** Reads one object by kind; its diagnostics go to `doc.diags`. */
export function readKind(doc: ObjectDoc): Commit {
  const { value, kind, name, root, diags } = doc;
  const ns = doc.namespace ?? 'default';
  if (!doc.simulated) {
    const other = { apiVersion: doc.apiVersion, kind, name, ...(doc.namespace !== undefined ? { namespace: doc.namespace } : {}), ref: root };
    return (c) => c.others.push(other);
  }
  if (doc.apiVersion === 'lab/v1') {
    if (kind === 'ExternalHost') { const h = readExternalHost(value, name, root, diags); return (c) => c.externalHosts.push(h); }
    if (kind === 'Registry') { const r = readRegistry(value, name, root, diags); return (c) => c.registries.push(r); }
    const config = readClusterConfig(value, root, diags);
    return (c) => { c.clusterConfig = config; };
  }
  const workloadKind = WORKLOAD_KINDS.find((k): k is WorkloadKind => k === kind);
  if (workloadKind) {
    const { workload, pods } = readWorkload(value, workloadKind, doc.apiVersion, ns, name, root, diags);
    return (c) => { c.workloads.push(workload); c.podDrafts.push(...pods); };
  }
  switch (kind) {
    case 'Pod': { const p = readPod(value, ns, name, root, diags); return (c) => c.podDrafts.push(p); }
    case 'NetworkPolicy': { const p = readNetworkPolicy(value, ns, name, root, diags); return (c) => c.policies.push(p); }
    case 'Secret': { const s = readSecret(value, ns, name, root, diags); return (c) => c.secrets.push(s); }
    case 'ServiceAccount': { const s = readServiceAccount(value, ns, name, root); return (c) => c.serviceAccounts.push(s); }
    case 'Service': { const s = readService(value, ns, name, root, diags); return (c) => c.services.push(s); }
    case 'Endpoints': { const e = readEndpoints(value, ns, name, root, diags); return (c) => c.endpoints.push(e); }
    case 'EndpointSlice': { const e = readEndpointSlice(value, ns, name, root, diags); return (c) => c.endpointSlices.push(e); }
    // RBAC objects are also kept in `others`: `kubectl get roles` lists them from there.
    case 'Role': { const r = readRole(value, ns, name, root, diags); return (c) => { c.roles.push(r); c.others.push(other(doc, ns)); }; }
    case 'ClusterRole': { const r = readClusterRole(value, name, root, diags); return (c) => { c.clusterRoles.push(r); c.others.push(other(doc)); }; }
    case 'RoleBinding': { const b = readRoleBinding(value, ns, name, root, diags); return (c) => { c.roleBindings.push(b); c.others.push(other(doc, ns)); }; }
    case 'ClusterRoleBinding': { const b = readClusterRoleBinding(value, name, root, diags); return (c) => { c.clusterRoleBindings.push(b); c.others.push(other(doc)); }; }
    case 'Namespace': {
      const labels = stringMap(field(field(value, 'metadata'), 'labels'));
      return (c) => c.namespaces.push({ name, labels, declared: true, ref: root });
    }
    default: {
      // Simulated for validation only (ConfigMap): listed like any other object.
      const other = { apiVersion: doc.apiVersion, kind, name, namespace: ns, ref: root };
      return (c) => c.others.push(other);
    }
  }
}

function other(doc: ObjectDoc, namespace?: string): OtherObject {
  return { apiVersion: doc.apiVersion, kind: doc.kind, name: doc.name, ...(namespace !== undefined ? { namespace } : {}), ref: doc.root };
}
