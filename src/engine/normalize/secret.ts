import type { DockerConfigEntry, Secret, SourceRef } from '../model/index.js';
import { decodeBase64Text } from './base64.js';
import type { Diags } from './diag.js';
import { parseDockerConfig } from './docker-config.js';
import { field, isObj, setOwn, str } from './values.js';

const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const DOCKER_TYPES: Readonly<Record<string, { key: string; legacy: boolean }>> = {
  'kubernetes.io/dockerconfigjson': { key: '.dockerconfigjson', legacy: false },
  'kubernetes.io/dockercfg': { key: '.dockercfg', legacy: true },
};

/**
 * Secret → data. `type` defaults to Opaque; `data` values are base64 (a decoding error rejects the
 * object, as JSON-decoding []byte does); `stringData` is merged over `data` (the API server's
 * conversion). Keys must be config keys (pkg/apis/core/validation ValidateSecret). Docker config
 * types must carry their key and parse (same function); entries land in `dockerConfig`.
 */
export function readSecret(value: unknown, namespace: string, name: string, root: SourceRef, diags: Diags): Secret {
  const type = str(field(value, 'type')) || 'Opaque';
  const data: Record<string, string> = {};
  const where: Record<string, readonly ['data' | 'stringData', string]> = {};
  const dataValue = field(value, 'data');
  if (isObj(dataValue)) {
    for (const [k, v] of Object.entries(dataValue)) {
      if (typeof v !== 'string') continue;
      const decoded = decodeBase64Text(v);
      if (!decoded.ok) {
        diags.add('error', 'secret-invalid', `Secret in version "v1" cannot be handled as a Secret: ${decoded.error}`, ['data', k], { error: decoded.error });
        continue;
      }
      setOwn(data, k, decoded.text);
      setOwn(where, k, ['data', k]);
    }
  }
  const stringData = field(value, 'stringData');
  if (isObj(stringData)) {
    for (const [k, v] of Object.entries(stringData)) {
      if (typeof v !== 'string') continue;
      setOwn(data, k, v);
      setOwn(where, k, ['stringData', k]);
    }
  }
  for (const [k, at] of Object.entries(where)) {
    // Upstream names the field `data[<key>]` (field.Path.Key).
    if (!CONFIG_KEY_RE.test(k)) diags.add('error', 'secret-invalid', `data[${k}]: Invalid value: ${JSON.stringify(k)}: ${CONFIG_KEY_MSG}`, at, { field: `data[${k}]`, value: k }, true);
  }

  let dockerConfig: DockerConfigEntry[] | undefined;
  const docker = DOCKER_TYPES[type];
  if (docker) {
    const text = data[docker.key];
    if (text === undefined) {
      diags.add('error', 'secret-invalid', `data[${docker.key}]: Required value`, ['data'], { field: `data[${docker.key}]` });
    } else {
      const parsed = parseDockerConfig(text, docker.legacy);
      if (parsed.ok) {
        dockerConfig = parsed.entries;
      } else {
        // Upstream redacts the contents and appends the unmarshal error.
        diags.add('error', 'secret-invalid', `data[${docker.key}]: Invalid value: "<secret contents redacted>": ${parsed.error}`,
          where[docker.key] ?? ['data'], { field: `data[${docker.key}]`, detail: parsed.error });
      }
    }
  }
  return {
    namespace, name, type,
    keys: Object.keys(data).sort(),
    data,
    ...(dockerConfig ? { dockerConfig } : {}),
    ref: root,
  };
}
