import type { Service, ServiceAccount, ServicePort, SourceRef } from '../model/index.js';
import { readProtocol } from './containers.js';
import type { Diags } from './diag.js';
import { isValidPortName, isValidPortNum } from './names.js';
import { arr, field, num, str, stringMap } from './values.js';

/** ServiceAccount: its imagePullSecrets (used for pulls when a pod lists none). */
export function readServiceAccount(value: unknown, namespace: string, name: string, root: SourceRef): ServiceAccount {
  const imagePullSecrets = arr(field(value, 'imagePullSecrets')).map((s) => str(field(s, 'name')) ?? '').filter((n) => n !== '');
  return { namespace, name, imagePullSecrets, declared: true, ref: root };
}

/** Service: shown in the graph only; ports validated as pkg/apis/core/validation validateServicePort. */
export function readService(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): Service {
  const spec = field(value, 'spec');
  const ports: ServicePort[] = arr(field(spec, 'ports')).map((p, i) => {
    const path = ['spec', 'ports', i];
    const port = num(field(p, 'port'));
    if (port === undefined) diags.required('port-invalid', [...path, 'port']);
    else for (const msg of isValidPortNum(port)) diags.invalid('port-invalid', [...path, 'port'], port, msg);
    const target = field(p, 'targetPort');
    if (typeof target === 'number' && target !== 0) for (const msg of isValidPortNum(target)) diags.invalid('port-invalid', [...path, 'targetPort'], target, msg);
    if (typeof target === 'string') for (const msg of isValidPortName(target)) diags.invalid('port-invalid', [...path, 'targetPort'], target, msg);
    const portName = str(field(p, 'name'));
    return {
      ...(portName ? { name: portName } : {}),
      port: port ?? 0,
      ...(typeof target === 'number' || typeof target === 'string' ? { targetPort: target } : {}),
      protocol: readProtocol(field(p, 'protocol'), [...path, 'protocol'], ['SCTP', 'TCP', 'UDP'], diags),
    };
  });
  const clusterIP = str(field(spec, 'clusterIP'));
  return {
    namespace, name,
    type: str(field(spec, 'type')) || 'ClusterIP',
    selector: stringMap(field(spec, 'selector')),
    ports,
    ...(clusterIP ? { clusterIP } : {}),
    ref: root,
  };
}
