// The confinement section as a student (or a screen reader) reads it: text facts under labels,
// in en and ko, from the engine's report (security/profiles).
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { containerReport, securityReport } from '../../testing/ui.js';
import { createI18n } from '../i18n/index.js';
import { ContainerCard } from './ContainerCard.js';

function render(lang: 'en' | 'ko', security = securityReport()): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(lang)}>
      <ContainerCard report={containerReport({ security })} onReveal={() => {}} />
    </I18nextProvider>,
  );
}

const hardened = securityReport({
  noNewPrivs: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
  seccomp: { requested: 'RuntimeDefault', from: 'pod', localhostProfile: null, file: null, applied: 'RuntimeDefault', mode: 2, error: null },
  appArmor: { requested: 'Localhost', from: 'annotation', localhostProfile: 'k8s-deny-write', applied: 'k8s-deny-write' },
});

describe('ContainerCard: confinement', () => {
  it('defaults, in English', () => {
    const html = render('en');
    expect(html).toContain('<h5>Confinement</h5>');
    expect(html).toContain('<dt>seccomp</dt>');
    expect(html).toContain('Unconfined — nothing set, and the kubelet’s default is Unconfined (SeccompDefault is off). Seccomp: 0 in /proc/1/status');
    expect(html).toContain('cri-containerd.apparmor.d — nothing set, so containerd applies its default profile');
    expect(html).toContain('not set: allowPrivilegeEscalation is not false. NoNewPrivs: 0');
  });

  it('a hardened container, in English and Korean', () => {
    const en = render('en', hardened);
    expect(en).toContain('RuntimeDefault (from pod): containerd’s default profile filters system calls such as unshare and mount. Seccomp: 2');
    expect(en).toContain('Localhost (from legacy annotation): profile k8s-deny-write, which must be loaded on the node');
    expect(en).toContain('NoNewPrivs: 1');
    expect(en).toContain('yes: writes outside writable volume mounts fail with “Read-only file system”');
    const ko = render('ko', hardened);
    expect(ko).toContain('<h5>격리와 제한</h5>');
    expect(ko).toContain('RuntimeDefault (파드에서 지정)');
    expect(ko).toContain('Localhost (예전 방식의 애너테이션에서 지정): 프로필 k8s-deny-write');
    expect(ko).toContain('NoNewPrivs: 1');
  });
});
