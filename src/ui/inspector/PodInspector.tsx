/**
 * PodInspector — everything the engine decided about one pod.
 *
 * Props:
 *   analysis: Analysis
 *   podKey:   string                    `namespace/name`
 *   onReveal(ref: SourceRef)            "show in editor" for the pod, containers, images, PSS fields
 *
 * Pod facts (labels, IP, service account, status), its network isolation (the policies that
 * isolate it per direction), its Pod Security Standards level with each violation linked to the
 * field, then one card per init container and container (ContainerCard).
 */
import { useTranslation } from 'react-i18next';
import { formatPath, type Analysis, type SourceRef } from '../../engine/model/index.js';
import { policyRef } from '../explain/DirectionBlock.js';
import { Reveal } from '../explain/Reveal.js';
import { ContainerCard } from './ContainerCard.js';
import './inspector.css';

export interface PodInspectorProps {
  analysis: Analysis;
  podKey: string;
  onReveal(ref: SourceRef): void;
}

export function PodInspector({ analysis, podKey, onReveal }: PodInspectorProps) {
  const { t } = useTranslation('inspector');
  const report = analysis.pods.find((p) => p.key === podKey);
  if (!report) {
    return <section className="ksl-insp" data-testid="pod-inspector"><p>{t('notFound', { pod: podKey })}</p></section>;
  }
  const pod = report.pod;
  const iso = analysis.network.isolation(podKey);
  const labels = Object.entries(pod.labels).sort(([a], [b]) => a.localeCompare(b));
  const running = report.status === 'Running';

  return (
    <section className="ksl-insp" aria-label={t('title', { pod: podKey })} data-testid="pod-inspector">
      <header className="ksl-insp__head">
        <h3><Reveal label={podKey} target={pod.ref} onReveal={onReveal} /></h3>
        <span className={`ksl-insp__state ksl-insp__state--${running ? 'ok' : 'error'}`} data-testid="pod-status">{report.status}</span>
        <span className="ksl-insp__from">{t('ready')} {report.ready}</span>
      </header>
      <dl className="ksl-insp__dl">
        <dt>{t('ip')}</dt><dd><code>{pod.ip}</code> <span className="ksl-insp__from">({t(pod.ipDeclared ? 'ipDeclared' : 'ipAssigned')})</span></dd>
        <dt>{t('serviceAccount')}</dt><dd><code>{pod.serviceAccountName}</code></dd>
        {pod.owner && <><dt>{t('owner')}</dt><dd>{pod.owner.kind}/{pod.owner.name}</dd></>}
        <dt>{t('labels')}</dt>
        <dd>
          {labels.length === 0 ? <span className="ksl-insp__from">{t('noLabels')}</span> : (
            <ul className="ksl-insp__labels">{labels.map(([k, v]) => <li key={k}><code>{k}={v}</code></li>)}</ul>
          )}
        </dd>
      </dl>

      <h4>{t('isolation')}</h4>
      {pod.hostNetwork && <p className="ksl-insp__note">{t('hostNetwork')}</p>}
      {(['ingress', 'egress'] as const).map((dir) => {
        const list = iso[dir];
        return list.length === 0
          ? <p key={dir}>{t(dir === 'ingress' ? 'notIsolatedIngress' : 'notIsolatedEgress')}</p>
          : (
            <p key={dir} className="ksl-insp__row">
              <span className="ksl-insp__label">{t(dir === 'ingress' ? 'ingressIsolatedBy' : 'egressIsolatedBy')}</span>
              {list.map((p) => <Reveal key={p} label={p} target={policyRef(analysis, p)} onReveal={onReveal} />)}
            </p>
          );
      })}

      <h4>{t('pss')} <span className={`ksl-insp__pss ksl-insp__pss--${report.pss.level}`}>{t('pssLevel', { level: t(`pss_${report.pss.level}`) })}</span></h4>
      {report.pss.violations.length === 0 ? <p>{t('pssNone')}</p> : (
        <ul className="ksl-insp__violations">
          {report.pss.violations.map((v, i) => (
            <li key={`${v.check}-${i}`}>
              <Reveal label={t('pssViolation', { level: v.level, control: v.control })} target={v.ref} onReveal={onReveal} />
              <div className="ksl-insp__from"><code>{formatPath(v.ref.path)}</code> — {v.message}</div>
            </li>
          ))}
        </ul>
      )}

      {report.initContainers.length > 0 && (
        <>
          <h4>{t('initContainers')}</h4>
          {report.initContainers.map((c) => <ContainerCard key={c.container.name} report={c} onReveal={onReveal} />)}
        </>
      )}
      <h4>{t('containers')}</h4>
      {report.containers.map((c) => <ContainerCard key={c.container.name} report={c} onReveal={onReveal} />)}
    </section>
  );
}
