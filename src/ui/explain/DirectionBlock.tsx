/**
 * One direction of a flow's explanation (egress of the source, or ingress of the destination):
 * whether policies apply, which policies isolate, which rule allowed it, or why every rule missed.
 */
import { useTranslation } from 'react-i18next';
import type { Analysis, DirectionExplanation, Explanation, RuleMiss, SourceRef } from '../../engine/model/index.js';
import { directionSummary, groupMisses, namespaceOf, peerReasonKey, portReasonKey, remoteOf, ruleMissKey } from './model.js';
import { Reveal } from './Reveal.js';

export interface DirectionBlockProps {
  analysis: Analysis;
  exp: Explanation;
  d: DirectionExplanation;
  onReveal(ref: SourceRef): void;
}

export function policyRef(analysis: Analysis, key: string): SourceRef | undefined {
  return analysis.policies.find((p) => p.key === key)?.policy.ref
    ?? analysis.cluster.policies.find((p) => `${p.namespace}/${p.name}` === key)?.ref;
}

function Detail({ detail }: { detail: Readonly<Record<string, string>> }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return (
    <span className="ksl-explain__detail">
      {entries.map(([k, v]) => <code key={k}>{k}: {v}</code>)}
    </span>
  );
}

export function DirectionBlock({ analysis, exp, d, onReveal }: DirectionBlockProps) {
  const { t } = useTranslation('explain');
  const summary = directionSummary(d);
  const remote = remoteOf(exp, d);
  const port = `${exp.port}/${exp.protocol}`;
  const heading = d.direction === 'Egress' ? t('egressOf', { subject: d.subject }) : t('ingressOf', { subject: d.subject });
  const dirWord = t(`direction_${d.direction}`);

  const missItem = (m: RuleMiss) => {
    const why = ruleMissKey(m);
    const showPeers = why !== 'missPorts';
    const showPorts = why !== 'missPeers';
    return (
      <li key={m.ruleIndex}>
        <Reveal label={`${dirWord} ${t('rule', { n: m.ruleIndex + 1 })}`} target={m.ref} onReveal={onReveal} showPath />{' '}
        <span>{t(why, { remote, port })}</span>
        {((showPeers && m.peerMisses.length > 0) || (showPorts && m.portMisses.length > 0)) && (
          <ul className="ksl-explain__reasons">
            {showPeers && m.peerMisses.map((pm) => (
              <li key={`peer-${pm.peerIndex}`}>
                <Reveal label={t('peer', { n: pm.peerIndex + 1 })} target={pm.ref} onReveal={onReveal} />{' '}
                {t(peerReasonKey(pm.reason), { remote, namespace: pm.detail['namespace'] ?? namespaceOf(m.policy) })}
                <Detail detail={pm.detail} />
              </li>
            ))}
            {showPorts && m.portMisses.map((pm) => (
              <li key={`port-${pm.portIndex}`}>
                <Reveal label={t('portEntry', { n: pm.portIndex + 1 })} target={pm.ref} onReveal={onReveal} />{' '}
                {t(portReasonKey(pm.reason))}
                <Detail detail={pm.detail} />
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className={`ksl-explain__dir ksl-explain__dir--${d.allowed ? 'allowed' : 'denied'}`} data-testid={`explain-${d.direction.toLowerCase()}`}>
      <h4>
        {heading}{' '}
        <span className={`ksl-badge ksl-badge--${d.allowed ? 'allowed' : 'denied'}`}>{t(d.allowed ? 'allowed' : 'denied')}</span>
      </h4>
      <p>{t(summary.key, summary.params)}</p>
      {d.isolatingPolicies.length > 0 && (
        <p className="ksl-explain__row">
          <span className="ksl-explain__label">{t('isolatedBy')}</span>
          {d.isolatingPolicies.map((p) => <Reveal key={p} label={p} target={policyRef(analysis, p)} onReveal={onReveal} />)}
        </p>
      )}
      {d.allowedBy.length > 0 && (
        <div>
          <span className="ksl-explain__label">{t('allowedBy')}</span>
          <ul className="ksl-explain__list">
            {d.allowedBy.map((m, i) => (
              <li key={i}>
                <Reveal label={m.policy} target={policyRef(analysis, m.policy)} onReveal={onReveal} />{' · '}
                <Reveal label={`${t(`direction_${m.direction}`)} ${t('rule', { n: m.ruleIndex + 1 })}`} target={m.ref} onReveal={onReveal} showPath />{' · '}
                {m.peerIndex === null
                  ? <span>{t('allPeers')}</span>
                  : <Reveal label={t('peer', { n: m.peerIndex + 1 })} target={m.peerRef} onReveal={onReveal} />}
                {' · '}
                {m.portIndex === null
                  ? <span>{t('allPorts')}</span>
                  : <Reveal label={t('portEntry', { n: m.portIndex + 1 })} target={m.portRef} onReveal={onReveal} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!d.allowed && d.emptyPolicies.length > 0 && (
        <ul className="ksl-explain__list">
          {d.emptyPolicies.map((e) => (
            <li key={e.policy}>
              <Reveal label={e.policy} target={e.ref} onReveal={onReveal} />{' '}
              {t('emptyPolicy', { direction: t(`direction_${e.direction}`) })}
            </li>
          ))}
        </ul>
      )}
      {!d.allowed && d.misses.length > 0 && (
        <div>
          <span className="ksl-explain__label">{t('whyMissed')}</span>
          <ul className="ksl-explain__list">
            {groupMisses(d.misses).map((g) => (
              <li key={g.policy}>
                <Reveal label={g.policy} target={policyRef(analysis, g.policy)} onReveal={onReveal} />
                <ul className="ksl-explain__rules">{g.rules.map(missItem)}</ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
