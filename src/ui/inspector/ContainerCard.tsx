/**
 * One container (or init container) of the inspected pod: image and pull, state, identity,
 * runAsNonRoot, capabilities (bounding vs effective against the default set), privilege flags and
 * what confines the process (seccomp, AppArmor, no_new_privs, read-only root file system).
 */
import { useTranslation } from 'react-i18next';
import { sub, type ContainerReport, type SourceRef } from '../../engine/model/index.js';
import { imageTools, type ImageTools } from '../../state/index.js';
import { Reveal } from '../explain/Reveal.js';
import { confinement, type Phrase } from './confinement.js';
import { capabilityRows, effectiveNote, nonRootKey, pullKey, sourceKey, stateTone } from './model.js';

export interface ContainerCardProps {
  report: ContainerReport;
  onReveal(ref: SourceRef): void;
}

/** `kubectl exec` in this image: its shells and probes, or that the lab assumes a Debian-like image. */
function toolsText(tools: ImageTools, t: (key: string, o?: Record<string, string>) => string): string {
  if (tools.family === 'distroless') return t('toolsNone');
  const list = { shells: tools.shells.join(', '), probes: tools.probes.length ? tools.probes.join(', ') : t('toolsNoProbes') };
  return t(tools.family === 'assumed' ? 'toolsAssumed' : 'toolsKnown', list);
}

export function ContainerCard({ report, onReveal }: ContainerCardProps) {
  const { t } = useTranslation('inspector');
  const { container, image, security } = report;
  const pull = image.pull;
  const id = security.identity;
  const caps = security.capabilities;
  const note = effectiveNote(security);
  const yesNo = (b: boolean) => t(b ? 'yes' : 'no');
  const scRef = sub(container.ref, 'securityContext');
  const conf = confinement(security);
  const say = (p: Phrase) => t(p.key, { ...p.params, from: p.params.fromKey ? t(p.params.fromKey) : '' });

  return (
    <article className="ksl-insp__card" data-testid={`container-${container.name}`}>
      <header className="ksl-insp__cardhead">
        <h4>
          <Reveal label={container.name} target={container.ref} onReveal={onReveal} />
          {container.kind === 'initContainer' && <span className="ksl-insp__tag">{t('initTag')}</span>}
        </h4>
        <span className={`ksl-insp__state ksl-insp__state--${stateTone(report)}`} data-testid="container-state">{report.state}</span>
      </header>
      {report.message !== null && <p className="ksl-insp__message"><code>{report.message}</code></p>}

      <h5>{t('image')}</h5>
      <dl className="ksl-insp__dl">
        <dt>{t('asWritten')}</dt>
        <dd><Reveal label={container.image} target={image.source} onReveal={onReveal} /></dd>
        <dt>{t('normalized')}</dt>
        <dd>{image.ref ? <code>{image.ref.reference}</code> : <span className="ksl-insp__bad">{t('invalidRef')}</span>}</dd>
        {image.ref && <><dt>{t('registry')}</dt><dd><code>{image.ref.registry}</code></dd></>}
        <dt>{t('pullPolicy')}</dt>
        <dd><code>{pull.imagePullPolicy}</code></dd>
        <dt>{t('pull')}</dt>
        <dd className={pull.state === 'Pulled' ? 'ksl-insp__good' : 'ksl-insp__bad'}>
          {t(pullKey(pull), { secret: pull.credentials ?? '' })}
          {pull.message !== null && <> — <code>{pull.message}</code></>}
        </dd>
        <dt>{t('tools')}</dt>
        <dd data-testid="image-tools">{toolsText(imageTools(image.ref), t)}</dd>
      </dl>
      <details className="ksl-insp__details" open={pull.state !== 'Pulled'}>
        <summary>{t('secretsConsidered')} ({pull.secrets.length})</summary>
        {pull.secrets.length === 0 ? <p>{t('noSecrets')}</p> : (
          <ul>
            {pull.secrets.map((s, i) => (
              <li key={`${s.name}-${i}`}>
                <code>{s.name}</code> ({t(`secretFrom_${s.from}`)}) — <span className={s.status === 'used' ? 'ksl-insp__good' : s.status === 'no-match' ? '' : 'ksl-insp__bad'}>{t(`secret_${s.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {pull.attempts.length > 0 && (
          <p>
            {t('attempts')}:{' '}
            {pull.attempts.map((a, i) => (
              <span key={i} className="ksl-insp__attempt">
                {a.secret ?? t('attemptAnon')}{a.server !== null && <> @ <code>{a.server}</code></>}: {t(a.ok ? 'attemptOk' : 'attemptFailed')}
              </span>
            ))}
          </p>
        )}
      </details>

      <h5>{t('identity')}</h5>
      <dl className="ksl-insp__dl">
        <dt>{t('uid')}</dt><dd><strong data-testid="uid">{id.uid}</strong> <span className="ksl-insp__from">← {t(sourceKey(id.uidFrom))}</span></dd>
        <dt>{t('gid')}</dt><dd><strong>{id.gid}</strong> <span className="ksl-insp__from">← {t(sourceKey(id.gidFrom))}</span></dd>
        <dt>{t('user')}</dt><dd>{id.username !== null
          ? <><code>{id.username}</code> <span className="ksl-insp__from">← {t('fromPasswd')}</span></>
          : <span className="ksl-insp__from">{t('userUnknown')}</span>}</dd>
        {id.groups.length > 0 && <><dt>{t('groups')}</dt><dd>{id.groups.join(', ')}</dd></>}
        <dt>{t('runAsNonRoot')}</dt>
        <dd className={security.nonRoot.ok ? '' : 'ksl-insp__bad'}>
          {t(nonRootKey(security), { from: security.nonRoot.requiredFrom ? t(`level_${security.nonRoot.requiredFrom}`) : '' })}
          {security.nonRoot.message !== null && <> — <code>{security.nonRoot.message}</code></>}
        </dd>
      </dl>

      <h5>
        <Reveal label={t('capabilities')} target={scRef} onReveal={onReveal} />
      </h5>
      <dl className="ksl-insp__dl">
        <dt>{t('effectiveSet')}</dt>
        <dd data-testid="effective-caps">{caps.effective.length === 0 ? <em>{t('capsEmpty')}</em> : <code>{caps.effective.join(', ')}</code>}</dd>
        <dt>{t('boundingSet')}</dt>
        <dd data-testid="bounding-caps">{caps.bounding.length === 0 ? <em>{t('capsEmpty')}</em> : <code>{caps.bounding.join(', ')}</code>}</dd>
        <dt>{t('privileged')}</dt><dd className={security.privileged ? 'ksl-insp__bad' : ''}>{yesNo(security.privileged)}</dd>
        <dt>{t('allowPrivilegeEscalation')}</dt><dd className={security.allowPrivilegeEscalation ? 'ksl-insp__warn' : ''}>{yesNo(security.allowPrivilegeEscalation)}</dd>
      </dl>
      <h5>{t('confinement')}</h5>
      <dl className="ksl-insp__dl" data-testid="confinement">
        <dt>{t('seccomp')}</dt>
        <dd className={conf.weak.seccomp ? 'ksl-insp__warn' : ''} data-testid="seccomp">
          {say(conf.seccomp)}{conf.seccompOverride && <> — {say(conf.seccompOverride)}</>}
        </dd>
        <dt>{t('appArmor')}</dt>
        <dd data-testid="apparmor">{say(conf.appArmor)}{conf.appArmorOverride && <> — {say(conf.appArmorOverride)}</>}</dd>
        <dt>{t('noNewPrivs')}</dt>
        <dd className={conf.weak.noNewPrivs ? 'ksl-insp__warn' : ''} data-testid="no-new-privs">{say(conf.noNewPrivs)}</dd>
        <dt>{t('readOnlyRootFilesystem')}</dt>
        <dd data-testid="read-only-root">{say(conf.readOnlyRoot)}</dd>
      </dl>
      {caps.privileged && <p className="ksl-insp__bad">{t('privilegedNote')}</p>}
      {note && <p className="ksl-insp__note">{t(note, { uid: id.uid })}</p>}
      {caps.unknown.length > 0 && <p className="ksl-insp__warn">{t('unknownCaps', { names: caps.unknown.join(', ') })}</p>}
      <table className="ksl-insp__caps">
        <thead>
          <tr><th scope="col">{t('capName')}</th><th scope="col">{t('bounding')}</th><th scope="col">{t('effective')}</th></tr>
        </thead>
        <tbody>
          {capabilityRows(caps).map((r) => (
            <tr key={r.name} className={r.change ? `ksl-insp__cap--${r.change}` : undefined}>
              <th scope="row">
                <code>{r.name}</code>
                {r.change && <span className={`ksl-insp__tag ksl-insp__tag--${r.change}`}>{t(r.change === 'added' ? 'capAdded' : 'capDropped')}</span>}
              </th>
              <td aria-label={yesNo(r.bounding)}>{r.bounding ? '✓' : '—'}</td>
              <td aria-label={yesNo(r.effective)}>{r.effective ? '✓' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
