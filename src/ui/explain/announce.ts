/**
 * The sentence a screen reader hears when a connection is selected ("prod/web cannot connect to
 * prod/db on 3306/TCP."), the same words as the explanation panel's verdict. The frame keeps one
 * live region in the page and changes its text (a region inserted already holding text is often not
 * announced); this computes the text from the analysis on screen, or '' when there is none to say.
 */
import type { NetworkAnalysis, PortProto } from '../../engine/model/index.js';
import { flowVerdict, isReportedPair, portLabel } from '../graph/flows.js';

type T = (key: string, params?: Record<string, string>) => string;

export function verdictSentence(network: NetworkAnalysis, from: string, to: string, port: PortProto | 'any', t: T): string {
  if (!isReportedPair(network, from, to)) return '';
  const v = flowVerdict(network, from, to, port);
  const label = (p: PortProto) => (v.probe ? t('anyOtherPort') : portLabel(p));
  const where = port === 'any' ? t('onAnyPort') : t('onPort', { port: portLabel(port) });
  const key = v.status === 'allowed' ? 'verdictAllowedLong' : v.status === 'denied' ? 'verdictDeniedLong' : 'verdictPartialLong';
  return t(key, { from, to, where, allowed: v.allowedPorts.map(label).join(', '), denied: v.deniedPorts.map(label).join(', ') });
}
