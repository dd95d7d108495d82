// A capability named with its `CAP_` prefix in `effective`/`bounding` (as Linux headers and
// `capsh --print` write it, and as `added` already accepts it): before this was read, `excludes:
// ["CAP_SYS_TIME"]` held for a container whose set has SYS_TIME, a check that passes a wrong answer.
import { describe, expect, it } from 'vitest';
import { container, containerReport, context, courseAnalysis, parsedCheck, securityReport } from '../../testing/course.js';
import { evaluateCheck } from './index.js';

const analysis = courseAnalysis({
  pods: [{
    key: 'default/app',
    containers: [containerReport({
      container: container('app', 'busybox'),
      security: securityReport({
        capabilities: { bounding: ['CHOWN', 'SYS_TIME'], effective: ['SYS_TIME'], added: ['SYS_TIME'], dropped: [], privileged: false, unknown: [] },
      }),
    })],
  }],
});

const run = (raw: unknown) => evaluateCheck(parsedCheck(raw), context(analysis));
const W = 'default/app container app';

describe('capability names with CAP_ in effective and bounding', () => {
  it.each<[string, unknown, string[]]>([
    ['excludes CAP_SYS_TIME fails when SYS_TIME is effective', { pod: 'default/app', effective: { excludes: ['CAP_SYS_TIME'] } },
      [`${W}: CAP_SYS_TIME is in the effective capability set`]],
    ['excludes cap_chown fails when CHOWN is bounding', { pod: 'default/app', bounding: { excludes: ['cap_chown'] } },
      [`${W}: cap_chown is in the bounding capability set`]],
    ['includes CAP_SYS_TIME holds', { pod: 'default/app', effective: { includes: ['CAP_SYS_TIME'] }, bounding: { includes: ['Cap_Chown'] } }, []],
    ['excludes CAP_CHOWN holds when CHOWN is not effective', { pod: 'default/app', effective: { excludes: ['CAP_CHOWN'] } }, []],
    ['includes CAP_NET_RAW fails when it is not bounding', { pod: 'default/app', bounding: { includes: ['CAP_NET_RAW'] } },
      [`${W}: CAP_NET_RAW is not in the bounding capability set`]],
    // Only a leading CAP_ is a prefix: a name that merely contains it is compared whole.
    ['SYS_TIMECAP_ is not SYS_TIME', { pod: 'default/app', effective: { includes: ['SYS_TIMECAP_'] } },
      [`${W}: SYS_TIMECAP_ is not in the effective capability set`]],
  ])('%s', (_label, raw, why) => {
    expect(run(raw)).toEqual({ passed: why.length === 0, why });
  });
});
