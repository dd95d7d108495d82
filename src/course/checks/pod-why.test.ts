// Pod checks (checks/pod.ts): the glob over pod keys, and the exact reasons the lesson panel shows
// for each field a pod or container check compares.
import { describe, expect, it } from 'vitest';
import { container, containerReport, context, courseAnalysis, imageReport, securityReport, DEFAULT_CAPS, parsedCheck } from '../../testing/course.js';
import { evaluateCheck } from './index.js';
import { globMatcher } from './pod.js';

const analysis = courseAnalysis({
  pods: [
    {
      key: 'default/web-0', status: 'Running',
      containers: [
        containerReport({ container: container('nginx', 'nginx') }),
        containerReport({
          container: container('side', 'busybox'), image: imageReport('busybox'),
          security: securityReport({
            identity: { uid: 1000, gid: 3000, username: null, uidFrom: 'pod', gidFrom: 'pod', groups: [] },
            privileged: true,
            capabilities: { bounding: ['CHOWN', 'SYS_TIME'], effective: ['SYS_TIME'], added: ['SYS_TIME', 'NET_ADMIN'], dropped: [], privileged: false, unknown: [] },
          }),
        }),
      ],
    },
    { key: 'default/web-1', status: 'ErrImagePull', containers: [containerReport({ container: container('nginx', 'nginx'), state: 'ErrImagePull' })] },
    { key: 'prod/db', containers: [] },
  ],
  imagePullSecrets: { 'default/web-0': ['regcred'] },
});

const run = (raw: unknown) => evaluateCheck(parsedCheck(raw), context(analysis));

describe('globMatcher', () => {
  it.each<[string, string, boolean]>([
    ['default/web-*', 'default/web-0', true],
    ['default/web-*', 'default/web-', true],
    ['default/web-*', 'prod/web-0', false],
    ['default/web-*', 'xdefault/web-0', false],
    ['*/db', 'prod/db', true],
    ['default/web', 'default/web-0', false],
    ['default/w.b', 'default/web', false],
    ['default/a+b', 'default/a+b', true],
    ['default/(x)', 'default/(x)', true],
    ['*', 'anything/at-all', true],
  ])('%s ~ %s: %s', (pattern, key, ok) => expect(globMatcher(pattern)(key)).toBe(ok));
});

describe('reasons of the pod checks', () => {
  const N = 'default/web-0 container nginx';
  const S = 'default/web-0 container side';
  it.each<[string, unknown, string[]]>([
    ['no pod', { pod: 'default/api' }, ['no pod default/api']],
    ['a pod that should not exist: the first named', { pod: 'default/web-*', exists: false }, ['pod default/web-0 exists']],
    ['a pod that does not exist, as wanted', { pod: 'default/api', exists: false }, []],
    ['status of every matching pod', { pod: 'default/web-*', status: 'Running' }, ['default/web-1: status is ErrImagePull, expected Running']],
    ['a pull secret not listed', { pod: 'default/web-0', imagePullSecrets: ['regcred', 'other'] }, ['default/web-0: imagePullSecrets does not list other']],
    ['no such container', { pod: 'default/web-0', container: 'app' }, ['default/web-0: no container app']],
    ['a pod without containers', { pod: 'prod/db', uid: 0 }, ['prod/db: no container']],
    ['uid, gid, username, source', { pod: 'default/web-0', container: 'side', uid: 0, gid: 0, username: 'root', uidFrom: 'image' },
      [`${S}: uid is 1000, expected 0`, `${S}: uid source is pod, expected image`, `${S}: gid is 3000, expected 0`, `${S}: username is null, expected root`]],
    ['a username expected absent', { pod: 'default/web-0', container: 'nginx', username: null }, [`${N}: username is root, expected null`]],
    ['state', { pod: 'default/web-1', state: 'Running' }, ['default/web-1 container nginx: state is ErrImagePull, expected Running']],
    ['privileged', { pod: 'default/web-0', privileged: false }, [`${S}: privileged is true, expected false`]],
    ['pull state and credentials', { pod: 'default/web-0', container: 'nginx', pull: 'ErrImagePull', credentials: 'regcred' },
      [`${N}: pull is Pulled, expected ErrImagePull`, `${N}: pull credentials is null, expected regcred`]],
    ['the image in any of its forms', { pod: 'default/web-0', container: 'nginx', image: 'nginx:latest' }, []],
    ['the image normalized', { pod: 'default/web-0', container: 'nginx', image: 'docker.io/library/nginx:latest' }, []],
    ['the image as written', { pod: 'default/web-0', container: 'nginx', image: 'nginx' }, []],
    ['another image', { pod: 'default/web-0', container: 'nginx', image: 'redis' }, [`${N}: image is docker.io/library/nginx:latest, expected redis`]],
    ['effective capabilities, any case', { pod: 'default/web-0', container: 'side', effective: { includes: ['sys_time'], excludes: ['chown'] } }, []],
    ['effective capabilities missing and present', { pod: 'default/web-0', container: 'side', effective: { includes: ['CHOWN'], excludes: ['SYS_TIME'] } },
      [`${S}: CHOWN is not in the effective capability set`, `${S}: SYS_TIME is in the effective capability set`]],
    ['bounding capabilities', { pod: 'default/web-0', container: 'side', bounding: { includes: ['NET_RAW'], excludes: ['CHOWN'] } },
      [`${S}: NET_RAW is not in the bounding capability set`, `${S}: CHOWN is in the bounding capability set`]],
    ['added: exactly, in any order, CAP_ and case ignored, repeats once', { pod: 'default/web-0', container: 'side', added: ['cap_net_admin', 'SYS_TIME', 'sys_time'] }, []],
    ['added: one missing', { pod: 'default/web-0', container: 'side', added: ['SYS_TIME'] },
      [`${S}: capabilities added to the runtime's default set are [NET_ADMIN, SYS_TIME], expected exactly [SYS_TIME]`]],
    ['added: none expected', { pod: 'default/web-0', container: 'nginx', added: [] }, []],
  ])('%s', (_label, raw, why) => {
    expect(run(raw)).toEqual({ passed: why.length === 0, why });
  });

  it('the default set is what a container without changes has', () => {
    expect(run({ pod: 'default/web-0', container: 'nginx', effective: { includes: [...DEFAULT_CAPS] }, bounding: { includes: [...DEFAULT_CAPS] } }))
      .toEqual({ passed: true, why: [] });
  });
});
