import { describe, expect, it } from 'vitest';
import { shellWith } from '../../testing/shell.js';

// kubectl get -w (kubernetes/kubectl pkg/cmd/get/get.go watch): the list, then each watch event
// through the same printer, flushed one by one; cli-runtime printers.GetNewTabWriter uses
// liggitt/tabwriter with RememberWidths, so an event row keeps the list's column widths and widens
// only the cell that is wider. The kubelet reports ImagePullBackOff while it backs off after a failed
// pull (pkg/kubelet/images/image_manager.go, ErrImagePullBackOff).
const pod = (name: string, image: string) => ({ name: `${name}.yaml`, text: `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: ${image}
` });

describe('kubectl get pods -w: ErrImagePull, then ImagePullBackOff', () => {
  it('each pod whose pull failed gets one event row, aligned with the list but for the wider STATUS', () => {
    const sh = shellWith(pod('web', 'nginx'), pod('typo', 'docker.i0/library/nginx'), pod('tag', 'nginx:lates'));
    expect(sh.run('kubectl get pods -w').output).toBe(
      'NAME   READY   STATUS         RESTARTS   AGE\n'
      + 'tag    0/1     ErrImagePull   0          10m\n'
      + 'typo   0/1     ErrImagePull   0          10m\n'
      + 'web    1/1     Running        0          10m\n'
      + 'tag    0/1     ImagePullBackOff   0          10m\n'
      + 'typo   0/1     ImagePullBackOff   0          10m\n',
    );
  });
  it('without -w, or with every pod running, nothing follows the list', () => {
    expect(shellWith(pod('typo', 'docker.i0/library/nginx')).run('kubectl get pods').output).toBe(
      'NAME   READY   STATUS         RESTARTS   AGE\ntypo   0/1     ErrImagePull   0          10m\n');
    expect(shellWith(pod('web', 'nginx')).run('kubectl get pods -w').output).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10m\n');
  });
});
