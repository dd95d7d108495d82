// The security stage's warnings in full: where they point, what they carry for the i18n tables, and
// the English text. The facts behind them: containerd internal/cri/opts/spec_opts.go WithCapabilities
// upper-cases each name and prefixes `CAP_` (so `CAP_NET_RAW` asks for `CAP_CAP_NET_RAW`), runc ignores
// a name it does not know with a warning (opencontainers/runc#2854); containerd resolves an image USER
// name in the image's /etc/passwd and fails the container when it is not there (oci.WithUsername).
import { describe, expect, it } from 'vitest';
import { UBUNTU, at, first, image, pod } from '../../testing/security.js';
import { analyzeSecurity } from './index.js';

describe('capability-unknown', () => {
  it('a name that is no capability: the runtime passes it on as CAP_NAME and it is ignored', () => {
    const p = pod({ name: 'ubuntu-sleeper', containers: [{ name: 'sleeper', securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIMEE'], drop: [] } } }] });
    expect(analyzeSecurity(p, first(p), UBUNTU).diagnostics).toEqual([{
      severity: 'warning',
      code: 'capability-unknown',
      message: 'unknown capability "SYS_TIMEE" in securityContext.capabilities.add of container "sleeper": the runtime passes it on as CAP_SYS_TIMEE, which does not exist and is ignored',
      ref: at('spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1),
      params: { name: 'SYS_TIMEE', list: 'add', container: 'sleeper', runtimeName: 'CAP_SYS_TIMEE', suggestion: '' },
      object: 'Pod/default/ubuntu-sleeper',
    }]);
  });

  it('a name with the CAP_ prefix in drop: the fix is the name without it', () => {
    const p = pod({ name: 'web', containers: [{ name: 'app', securityContext: { capabilities: { add: [], drop: ['cap_net_raw'] } } }] });
    expect(analyzeSecurity(p, first(p), UBUNTU).diagnostics).toEqual([{
      severity: 'warning',
      code: 'capability-unknown',
      message: 'capability "cap_net_raw" in securityContext.capabilities.drop of container "app" has the CAP_ prefix: the runtime adds CAP_ itself, so it asks for CAP_CAP_NET_RAW, which does not exist and is ignored; write "NET_RAW"',
      ref: at('spec', 'containers', 0, 'securityContext', 'capabilities', 'drop', 0),
      params: { name: 'cap_net_raw', list: 'drop', container: 'app', runtimeName: 'CAP_CAP_NET_RAW', suggestion: 'NET_RAW' },
      object: 'Pod/default/web',
    }]);
  });
});

describe('image-user-unknown', () => {
  it('points at the container\'s image and names the user and the container', () => {
    const p = pod({ name: 'api', containers: [{ name: 'server' }] });
    expect(analyzeSecurity(p, first(p), image('app:app')).diagnostics).toEqual([{
      severity: 'warning',
      code: 'image-user-unknown',
      message: 'image user "app" of container "server" is not in the image\'s /etc/passwd: the runtime cannot start it (unable to find user app: no matching entries in passwd file)',
      ref: at('spec', 'containers', 0, 'image'),
      params: { user: 'app', container: 'server' },
      object: 'Pod/default/api',
    }]);
  });

  it('a workload\'s pod is reported under its owner', () => {
    const p = pod({ name: 'web', specPath: ['spec', 'template', 'spec'], containers: [{ name: 'c', securityContext: { capabilities: { add: ['BOGUS'], drop: [] } } }] });
    expect(analyzeSecurity(p, first(p), image('ghost')).diagnostics.map((d) => [d.code, d.object])).toEqual([
      ['capability-unknown', 'Deployment/default/web'],
      ['image-user-unknown', 'Deployment/default/web'],
    ]);
  });
});
