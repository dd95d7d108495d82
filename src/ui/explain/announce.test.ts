import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../testing/ui.js';
import { verdictSentence } from './announce.js';
import { strings } from './strings.js';

const t = (key: string, params: Record<string, string> = {}) =>
  (strings.en as unknown as Record<string, string>)[key]!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));

const a = buildAnalysis({
  pods: [
    { key: 'prod/web', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] },
    { key: 'dev/client' },
  ],
  externals: [{ name: 'backup', ip: '203.0.113.5' }],
  allow: ['dev/client->prod/web@80/TCP'],
});

describe('verdictSentence (the live region’s words)', () => {
  it.each([
    ['dev/client', 'prod/web', { port: 80, protocol: 'TCP' } as const, 'dev/client can connect to prod/web on 80/TCP.'],
    ['dev/client', 'prod/web', { port: 443, protocol: 'TCP' } as const, 'dev/client cannot connect to prod/web on 443/TCP.'],
    ['dev/client', 'prod/web', 'any' as const, 'dev/client can connect to prod/web on 80/TCP, but not on 443/TCP.'],
  ])('%s → %s on %j', (from, to, port, sentence) => expect(verdictSentence(a.network, from, to, port, t)).toBe(sentence));
  it('says nothing for a pair no verdict is reported for (a pod to itself)', () => {
    expect(verdictSentence(a.network, 'prod/web', 'prod/web', 'any', t)).toBe('');
  });
});
