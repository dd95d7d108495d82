import { describe, expect, it } from 'vitest';
import { createShell } from '../index.js';

// kubectl apply/create of a pod whose container sets allowPrivilegeEscalation: false beside
// privileged: true or `capabilities.add: [CAP_SYS_ADMIN]`: the API server's ValidateSecurityContext
// (kubernetes v1.30 pkg/apis/core/validation/validation.go) refuses it with field.Invalid on the
// securityContext, and kubectl (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr) prints
// `The Pod "NAME" is invalid: ` and the cause, or one `* cause` line per distinct cause
// (statusCausesToAggrError skips repeated messages). Nothing is created. The pointer addresses in the
// %#v value are the lab's fixed stand-ins (src/engine/security/escalation-validate.ts).

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    securityContext:\n${sc}`;
const REST = 'SELinuxOptions:(*core.SELinuxOptions)(nil), WindowsOptions:(*core.WindowsSecurityContextOptions)(nil), RunAsUser:(*int64)(nil), RunAsGroup:(*int64)(nil), RunAsNonRoot:(*bool)(nil), ReadOnlyRootFilesystem:(*bool)(nil), AllowPrivilegeEscalation:(*bool)(0xc000a8e2eb), ProcMount:(*core.ProcMountType)(nil), SeccompProfile:(*core.SeccompProfile)(nil), AppArmorProfile:(*core.AppArmorProfile)(nil)}';

describe('kubectl apply of allowPrivilegeEscalation: false with privileged or CAP_SYS_ADMIN', () => {
  it('privileged: true: the API server\'s error, exit 1, and no pod', () => {
    const sh = createShell({ files: [{ name: 'pod.yaml', text: pod('      privileged: true\n      allowPrivilegeEscalation: false\n') }] });
    const r = sh.run('kubectl apply -f pod.yaml');
    expect(r.output).toBe('The Pod "web" is invalid: spec.containers[0].securityContext: Invalid value: '
      + `core.SecurityContext{Capabilities:(*core.Capabilities)(nil), Privileged:(*bool)(0xc000a8e2e8), ${REST}: `
      + 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true\n');
    expect(r.exitCode).toBe(1);
    expect(sh.run('kubectl get pods').output).toBe('No resources found in default namespace.\n');
  });

  it('both rules, capabilities written first: privileged first, a repeated CAP_SYS_ADMIN said once', () => {
    const text = pod('      capabilities: {add: [CAP_SYS_ADMIN, CAP_SYS_ADMIN]}\n      allowPrivilegeEscalation: false\n      privileged: true\n');
    const sh = createShell({ files: [{ name: 'pod.yaml', text }] });
    const value = `core.SecurityContext{Capabilities:(*core.Capabilities)(0xc0004a6f00), Privileged:(*bool)(0xc000a8e2e8), ${REST}`;
    const r = sh.run('kubectl create -f pod.yaml');
    expect(r.output).toBe('The Pod "web" is invalid: \n'
      + `* spec.containers[0].securityContext: Invalid value: ${value}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true\n`
      + `* spec.containers[0].securityContext: Invalid value: ${value}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN\n`);
    expect(r.exitCode).toBe(1);
    expect(sh.run('kubectl get pods').output).toBe('No resources found in default namespace.\n');
  });

  it('SYS_ADMIN, the spelling the runtime grants, is not refused', () => {
    const sh = createShell({ files: [{ name: 'pod.yaml', text: pod('      allowPrivilegeEscalation: false\n      capabilities: {add: [SYS_ADMIN]}\n') }] });
    expect(sh.run('kubectl apply -f pod.yaml').output).toBe('pod/web created\n');
  });
});
