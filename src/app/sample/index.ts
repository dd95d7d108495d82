import externalYaml from './external.yaml?raw';
import namespacesYaml from './namespaces.yaml?raw';
import netpolYaml from './netpol.yaml?raw';
import podsYaml from './pods.yaml?raw';

/** The built-in scenario shown until lessons exist: web/api/db and the course notes' db-policy. */
export const sampleScenario: readonly { name: string; text: string }[] = [
  { name: 'pods.yaml', text: podsYaml },
  { name: 'netpol.yaml', text: netpolYaml },
  { name: 'namespaces.yaml', text: namespacesYaml },
  { name: 'external.yaml', text: externalYaml },
];
