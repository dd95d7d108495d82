import type { DirectionExplanation, Explanation, PeerMiss, PortMiss, RuleMiss, SourceRef } from '../model/index.js';
import { en, ko, type ExplanationText } from './explanation-text.js';

export type Locale = 'en' | 'ko';

export interface FormatOptions {
  /**
   * Where a rule is written (Analysis.locate). When given, each allowing or missed rule line ends
   * with `[file:line:col]`, the form terminals and editors turn into links.
   */
  readonly locate?: (ref: SourceRef) => { readonly file: string; readonly line: number; readonly column: number } | null;
}

/**
 * The one plain-text rendering of an explanation (CLI and UI): a header, then each direction
 * (egress of the source, ingress of the destination) rule by rule with field positions
 * (`spec.ingress[0]`, `from[1]`, `ports[0]`), ending in one overall verdict line.
 */
export function formatExplanation(exp: Explanation, locale: Locale, options: FormatOptions = {}): string {
  const t = locale === 'ko' ? ko : en;
  const from = noun(t, exp.from), to = noun(t, exp.to);
  // Written as kubectl writes ports (`80/TCP` in get/describe), the same as `kslab analyze`.
  const portText = `${exp.port}/${exp.protocol}`;
  const at = (ref: SourceRef | undefined): string => {
    const r = ref && options.locate ? options.locate(ref) : null;
    return r ? ` [${r.file}:${r.line}:${r.column}]` : '';
  };
  const lines: string[] = [`${exp.from} → ${exp.to}  ${portText}`, ''];
  lines.push(...direction(t, exp.egress, from, exp.egress.remote !== undefined ? noun(t, exp.egress.remote) : to, at));
  lines.push(...direction(t, exp.ingress, to, exp.ingress.remote !== undefined ? noun(t, exp.ingress.remote) : from, at));
  lines.push('');
  lines.push(verdict(t, exp, from, to, portText));
  return lines.join('\n');
}

/** A pod is `ns/name`; an IP (v4 or v6) never contains a slash. */
function noun(t: ExplanationText, id: string): string {
  return id.includes('/') ? t.pod(id) : t.external(id);
}

/**
 * One direction of a flow, rule by rule (also ICMP's directions, service/icmp.ts): its lines.
 * `subject` and `remote` are endpoint ids.
 */
export function formatDirection(d: DirectionExplanation, subjectId: string, remoteId: string, locale: Locale, options: FormatOptions = {}): string[] {
  const t = locale === 'ko' ? ko : en;
  const at = (ref: SourceRef | undefined): string => {
    const r = ref && options.locate ? options.locate(ref) : null;
    return r ? ` [${r.file}:${r.line}:${r.column}]` : '';
  };
  return direction(t, d, noun(t, subjectId), noun(t, remoteId), at);
}

function direction(t: ExplanationText, d: DirectionExplanation, subject: string, remote: string, at: (ref: SourceRef | undefined) => string): string[] {
  const title = d.direction === 'Egress' ? t.egressOf(subject) : t.ingressOf(subject);
  if (d.notApplicable !== null) return [`${title}: ${t.notApplicable[d.notApplicable](subject)}`];
  if (!d.isolated) return [`${title}: ${t.notIsolated(subject, d.direction)}`];
  const out = [`${title}: ${t.isolatedBy(d.isolatingPolicies.map((p) => `NetworkPolicy '${p}'`).join(', '))}`];
  if (d.allowed) {
    for (const m of d.allowedBy) {
      const peer = m.peerIndex === null ? t.anyPeer : `${peerKey(d.direction)}[${m.peerIndex}]`;
      const port = m.portIndex === null ? t.anyPort : `ports[${m.portIndex}]`;
      out.push(`  ${t.allowedBy(m.policy, ruleAt(d.direction, m.ruleIndex), peer, port)}${at(m.peerRef ?? m.ref)}`);
    }
    return out;
  }
  // Denied: every isolating policy, in order, with each of its rules and why it missed.
  for (const policy of d.isolatingPolicies) {
    const empty = d.emptyPolicies.find((e) => e.policy === policy);
    if (empty) {
      out.push(`  ${t.emptyPolicy(policy, subject, d.direction)}${at(empty.ref)}`);
      continue;
    }
    const misses = d.misses.filter((m) => m.policy === policy);
    if (misses.length === 0) continue;
    out.push(`  ${t.selectsButNot(policy, subject, remote, d.direction)}`);
    for (const m of misses) out.push(`    - ${ruleAt(d.direction, m.ruleIndex)}${at(m.ref)}: ${reasons(t, d, m).join('; ')}`);
  }
  return out;
}

function reasons(t: ExplanationText, d: DirectionExplanation, m: RuleMiss): string[] {
  const out: string[] = [];
  if (!m.peerMatched) out.push(...m.peerMisses.map((p) => peerReason(t, d, p)));
  if (!m.portMatched) out.push(...m.portMisses.map((p) => portReason(t, p)));
  return out;
}

function peerReason(t: ExplanationText, d: DirectionExplanation, p: PeerMiss): string {
  return t.peer[p.reason]({ ...p.detail, at: `${peerKey(d.direction)}[${p.peerIndex}]` });
}

function portReason(t: ExplanationText, p: PortMiss): string {
  return t.port[p.reason]({ ...p.detail, at: `ports[${p.portIndex}]` });
}

function verdict(t: ExplanationText, exp: Explanation, from: string, to: string, portText: string): string {
  if (exp.allowed) return exp.enforced ? t.verdictAllowed(from, to, portText) : t.verdictAllowedUnenforced(from, to, portText);
  const blockers: string[] = [];
  if (!exp.egress.allowed) blockers.push(t.blockerEgress(from));
  if (!exp.ingress.allowed) blockers.push(t.blockerIngress(to));
  return t.verdictDenied(from, to, portText, blockers.join(t.and));
}

function peerKey(direction: 'Ingress' | 'Egress'): string {
  return direction === 'Ingress' ? 'from' : 'to';
}

function ruleAt(direction: 'Ingress' | 'Egress', index: number): string {
  return `spec.${direction === 'Ingress' ? 'ingress' : 'egress'}[${index}]`;
}
