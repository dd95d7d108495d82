/**
 * What confines a container's process, as phrases for the inspector (tested without a DOM): the
 * engine's effective seccomp and AppArmor profiles (security/profiles), no_new_privs and the
 * read-only root file system. Each line is a translation key with its values; the value shown is
 * the fact itself in text (`Seccomp: 2`, the profile's name), never a colour alone.
 */
import type { SecurityReport } from '../../engine/model/index.js';

export interface Phrase {
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface Confinement {
  readonly seccomp: Phrase;
  /** Set when privileged overrides what was asked. */
  readonly seccompOverride: Phrase | null;
  readonly appArmor: Phrase;
  readonly appArmorOverride: Phrase | null;
  readonly noNewPrivs: Phrase;
  readonly readOnlyRoot: Phrase;
  /** Worth a warning: nothing filters system calls, or nothing stops privilege escalation. */
  readonly weak: { readonly seccomp: boolean; readonly noNewPrivs: boolean };
}

const FROM_KEY = { container: 'level_container', pod: 'level_pod', annotation: 'fromAnnotation', default: 'fromDefault' } as const;

export function confinement(s: SecurityReport): Confinement {
  const sc = s.seccomp;
  const aa = s.appArmor;
  const seccomp: Phrase = sc.from === 'default'
    ? { key: 'seccompUnset', params: {} }
    : { key: `seccomp_${sc.requested}`, params: { fromKey: FROM_KEY[sc.from], file: sc.file ?? '' } };
  const appArmor: Phrase = aa.from === 'default'
    ? { key: 'appArmorUnset', params: { profile: aa.applied } }
    : { key: `appArmor_${aa.requested}`, params: { fromKey: FROM_KEY[aa.from], profile: aa.applied } };
  return {
    seccomp,
    seccompOverride: sc.applied !== sc.requested ? { key: 'seccompPrivileged', params: {} } : null,
    appArmor,
    appArmorOverride: aa.requested === 'RuntimeDefault' && aa.applied === 'unconfined' ? { key: 'appArmorPrivileged', params: {} } : null,
    noNewPrivs: { key: s.noNewPrivs ? 'noNewPrivsSet' : 'noNewPrivsUnset', params: {} },
    readOnlyRoot: { key: s.readOnlyRootFilesystem ? 'readOnlyRootYes' : 'readOnlyRootNo', params: {} },
    weak: { seccomp: sc.mode === 0, noNewPrivs: !s.noNewPrivs },
  };
}
