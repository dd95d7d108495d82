// The API server refuses allowPrivilegeEscalation: false next to privileged: true or a
// `capabilities.add` entry that is exactly CAP_SYS_ADMIN: kubernetes v1.30
// pkg/apis/core/validation/validation.go ValidateSecurityContext, details
// "cannot set `allowPrivilegeEscalation` to false and `privileged` to true" and
// "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN", each
// field.Invalid(fldPath, sc, …) on the container's securityContext. The value is the *core.SecurityContext,
// which k8s.io/apimachinery field.Error.ErrorBody prints by its element with %#v (field order of
// pkg/apis/core/types.go SecurityContext v1.30, as kubectl shows it:
// `core.SecurityContext{Capabilities:(*core.Capabilities)(0xc…), Privileged:(*bool)(nil), …}`); the
// addresses are this lab's fixed stand-ins (escalation-validate.ts, docs/field-error-values.md).
import { describe, expect, it } from 'vitest';
import { normalize } from '../normalize/index.js';
import { parseSources } from '../parse/index.js';
import { toYaml } from '../../testing/manifests.js';
import { normalizePod, withContext } from '../../testing/profile-validation.js';
import { PRIVILEGED_DETAIL, SYS_ADMIN_DETAIL, securityContextLiteral } from './escalation-validate.js';

const SC = 'spec.containers[0].securityContext';
const NIL_REST = 'SELinuxOptions:(*core.SELinuxOptions)(nil), WindowsOptions:(*core.WindowsSecurityContextOptions)(nil), RunAsUser:(*int64)(nil), RunAsGroup:(*int64)(nil), RunAsNonRoot:(*bool)(nil), ReadOnlyRootFilesystem:(*bool)(nil)';
const TAIL = 'ProcMount:(*core.ProcMountType)(nil), SeccompProfile:(*core.SeccompProfile)(nil), AppArmorProfile:(*core.AppArmorProfile)(nil)';
/** privileged: true, allowPrivilegeEscalation: false, nothing else. */
const PRIV_LITERAL = `core.SecurityContext{Capabilities:(*core.Capabilities)(nil), Privileged:(*bool)(0xc000a8e2e8), ${NIL_REST}, AllowPrivilegeEscalation:(*bool)(0xc000a8e2eb), ${TAIL}}`;
/** capabilities and allowPrivilegeEscalation: false, nothing else. */
const CAPS_LITERAL = `core.SecurityContext{Capabilities:(*core.Capabilities)(0xc0004a6f00), Privileged:(*bool)(nil), ${NIL_REST}, AllowPrivilegeEscalation:(*bool)(0xc000a8e2eb), ${TAIL}}`;

function check(spec: object) {
  const { cluster, diagnostics } = normalizePod(spec);
  const mine = diagnostics.filter((d) => d.code === 'security-context-invalid');
  return {
    messages: mine.map((d) => `${d.severity}: ${d.message}`),
    refs: mine.map((d) => `${d.ref?.path.join('.') ?? ''}${d.atKey ? ' (key)' : ''}`),
    created: cluster.pods.some((p) => p.name === 'p'),
  };
}

describe('allowPrivilegeEscalation: false with privileged: true', () => {
  it('the full message, as kubectl prints the cause', () => {
    expect(check(withContext({ privileged: true, allowPrivilegeEscalation: false })).messages).toEqual([
      `error: ${SC}: Invalid value: ${PRIV_LITERAL}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`,
    ]);
  });

  const values = [true, false, undefined] as const;
  const cases = values.flatMap((privileged) => values.map((ape) => [privileged, ape] as const));
  it.each(cases)('privileged %s, allowPrivilegeEscalation %s', (privileged, ape) => {
    const sc = { ...(privileged !== undefined ? { privileged } : {}), ...(ape !== undefined ? { allowPrivilegeEscalation: ape } : {}) };
    const refused = privileged === true && ape === false;
    const r = check(withContext(sc));
    expect(r.messages).toEqual(refused ? [`error: ${SC}: Invalid value: ${PRIV_LITERAL}: ${PRIVILEGED_DETAIL}`] : []);
    expect(r.created).toBe(!refused);
  });

  it('null is an unset pointer: privileged: null or allowPrivilegeEscalation: null pass', () => {
    expect(check(withContext({ privileged: null, allowPrivilegeEscalation: false })).messages).toEqual([]);
    expect(check(withContext({ privileged: true, allowPrivilegeEscalation: null })).messages).toEqual([]);
  });

  it('points at the key of the securityContext the error names', () => {
    expect(check(withContext({ privileged: true, allowPrivilegeEscalation: false })).refs).toEqual(['spec.containers.0.securityContext (key)']);
  });
});

describe('allowPrivilegeEscalation: false with capabilities.add CAP_SYS_ADMIN', () => {
  it.each<[string, unknown[], number]>([
    ['CAP_SYS_ADMIN', ['CAP_SYS_ADMIN'], 1],
    ['SYS_ADMIN (the spelling that grants it) passes', ['SYS_ADMIN'], 0],
    ['cap_sys_admin (not exactly the string) passes', ['cap_sys_admin'], 0],
    ['CAP_SYS_ADMIN among others', ['NET_ADMIN', 'CAP_SYS_ADMIN', 'SYS_ADMIN'], 1],
    ['one error per entry', ['CAP_SYS_ADMIN', 'CAP_SYS_ADMIN'], 2],
  ])('%s', (_label, add, errors) => {
    const r = check(withContext({ allowPrivilegeEscalation: false, capabilities: { add } }));
    expect(r.messages).toEqual(Array.from({ length: errors }, () => `error: ${SC}: Invalid value: ${CAPS_LITERAL}: ${SYS_ADMIN_DETAIL}`));
    expect(r.created).toBe(errors === 0);
  });

  it('each error points at its entry of capabilities.add', () => {
    expect(check(withContext({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN', 'SYS_ADMIN', 'CAP_SYS_ADMIN'] } })).refs)
      .toEqual(['spec.containers.0.securityContext.capabilities.add.0', 'spec.containers.0.securityContext.capabilities.add.2']);
  });

  it('the full message', () => {
    expect(check(withContext({ allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })).messages).toEqual([
      `error: ${SC}: Invalid value: ${CAPS_LITERAL}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`,
    ]);
  });

  it.each([true, undefined])('allowPrivilegeEscalation %s: CAP_SYS_ADMIN passes', (ape) => {
    const r = check(withContext({ ...(ape !== undefined ? { allowPrivilegeEscalation: ape } : {}), capabilities: { add: ['CAP_SYS_ADMIN'] } }));
    expect(r.messages).toEqual([]);
    expect(r.created).toBe(true);
  });

  it('both rules: the privileged error first, then one per CAP_SYS_ADMIN, with the same value', () => {
    const literal = CAPS_LITERAL.replace('Privileged:(*bool)(nil)', 'Privileged:(*bool)(0xc000a8e2e8)');
    expect(check(withContext({ privileged: true, allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } })).messages).toEqual([
      `error: ${SC}: Invalid value: ${literal}: ${PRIVILEGED_DETAIL}`,
      `error: ${SC}: Invalid value: ${literal}: ${SYS_ADMIN_DETAIL}`,
    ]);
  });
});

describe('where the rule applies', () => {
  it('an init container has its own path', () => {
    const spec = {
      initContainers: [{ name: 'init', image: 'busybox', securityContext: { privileged: true, allowPrivilegeEscalation: false } }],
      containers: [{ name: 'app', image: 'busybox' }],
    };
    const r = check(spec);
    expect(r.messages).toEqual([`error: spec.initContainers[0].securityContext: Invalid value: ${PRIV_LITERAL}: ${PRIVILEGED_DETAIL}`]);
    expect(r.refs).toEqual(['spec.initContainers.0.securityContext (key)']);
    expect(r.created).toBe(false);
  });

  it('the second container is named by its index', () => {
    const spec = { containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox', securityContext: { privileged: true, allowPrivilegeEscalation: false } }] };
    expect(check(spec).messages).toEqual([`error: spec.containers[1].securityContext: Invalid value: ${PRIV_LITERAL}: ${PRIVILEGED_DETAIL}`]);
  });

  it("a Deployment's pod template: spec.template.spec.containers[0].securityContext", () => {
    const doc = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'd' } },
        template: { metadata: { labels: { app: 'd' } }, spec: withContext({ privileged: true, allowPrivilegeEscalation: false }) },
      },
    };
    const { diagnostics } = normalize(parseSources([{ name: 'd.yaml', text: toYaml([doc]) }]));
    expect(diagnostics.filter((d) => d.code === 'security-context-invalid').map((d) => d.message)).toEqual([
      `spec.template.spec.containers[0].securityContext: Invalid value: ${PRIV_LITERAL}: ${PRIVILEGED_DETAIL}`,
    ]);
  });

  it('after the seccompProfile errors and before the appArmorProfile ones (ValidateSecurityContext order)', () => {
    const sc = { privileged: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'Bad' }, appArmorProfile: { type: 'Bad' } };
    const order = normalizePod(withContext(sc)).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.slice(0, d.message.indexOf(':')));
    expect(order).toEqual([`${SC}.seccompProfile.type`, SC, `${SC}.appArmorProfile.type`]);
  });
});

describe('the %#v value', () => {
  it('every field written is a non-nil pointer, in the struct order', () => {
    expect(securityContextLiteral({
      appArmorProfile: { type: 'RuntimeDefault' }, seccompProfile: { type: 'RuntimeDefault' }, procMount: 'Default',
      allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsGroup: 1, runAsUser: 1,
      windowsOptions: {}, seLinuxOptions: {}, privileged: true, capabilities: {},
    })).toBe('core.SecurityContext{Capabilities:(*core.Capabilities)(0xc0004a6f00), Privileged:(*bool)(0xc000a8e2e8), '
      + 'SELinuxOptions:(*core.SELinuxOptions)(0xc0004a6f30), WindowsOptions:(*core.WindowsSecurityContextOptions)(0xc0004a6f60), '
      + 'RunAsUser:(*int64)(0xc000a8e2f0), RunAsGroup:(*int64)(0xc000a8e2f8), RunAsNonRoot:(*bool)(0xc000a8e2e9), '
      + 'ReadOnlyRootFilesystem:(*bool)(0xc000a8e2ea), AllowPrivilegeEscalation:(*bool)(0xc000a8e2eb), '
      + 'ProcMount:(*core.ProcMountType)(0xc000a8e300), SeccompProfile:(*core.SeccompProfile)(0xc0004a6f90), '
      + 'AppArmorProfile:(*core.AppArmorProfile)(0xc0004a6fc0)}');
  });

  it('null and absent fields are nil; an inherited key is not the student\'s', () => {
    const lit = securityContextLiteral(Object.assign(Object.create({ privileged: true }) as object, { runAsUser: null }));
    expect(lit).toBe(`core.SecurityContext{Capabilities:(*core.Capabilities)(nil), Privileged:(*bool)(nil), ${NIL_REST}, AllowPrivilegeEscalation:(*bool)(nil), ${TAIL}}`);
  });
});
