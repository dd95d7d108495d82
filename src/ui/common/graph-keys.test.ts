import { describe, expect, it } from 'vitest';
import { connectionsOf, graphKey, type Node } from './graph-keys.js';

// web, api and db; a host; a Service. Every pod pair is reported; host → anything is not.
const order: Node[] = [
  { id: 'd/web', kind: 'pod' }, { id: 'd/api', kind: 'pod' }, { id: 'd/db', kind: 'pod' },
  { id: '203.0.113.5', kind: 'external' }, { id: 'd/web-svc', kind: 'service' },
];
const reported = (from: string, to: string) => from !== to && from !== '203.0.113.5';

describe('connectionsOf', () => {
  it('outgoing then incoming, no self-pair, no Service, only reported pairs', () => {
    expect(connectionsOf('d/db', order, reported)).toEqual([
      { from: 'd/db', to: 'd/web' }, { from: 'd/db', to: 'd/api' }, { from: 'd/db', to: '203.0.113.5' },
      { from: 'd/web', to: 'd/db' }, { from: 'd/api', to: 'd/db' },
    ]);
  });
});

describe('graphKey', () => {
  it('arrows move between nodes while no connection is being walked', () => {
    expect(graphKey('ArrowRight', null, null, order, reported)).toEqual({ selection: { kind: 'pod', id: 'd/web' }, anchor: null });
    expect(graphKey('ArrowLeft', { kind: 'pod', id: 'd/web' }, null, order, reported)).toEqual({ selection: { kind: 'service', id: 'd/web-svc' }, anchor: null });
  });
  it('Enter on a pod selects its first connection and anchors the walk there', () => {
    expect(graphKey('Enter', { kind: 'pod', id: 'd/db' }, null, order, reported))
      .toEqual({ selection: { kind: 'edge', from: 'd/db', to: 'd/web' }, anchor: 'd/db' });
  });
  it('arrows then walk the anchor’s connections, wrapping, incoming ones included', () => {
    const at = (from: string, to: string) => ({ kind: 'edge' as const, from, to });
    expect(graphKey('ArrowDown', at('d/db', 'd/web'), 'd/db', order, reported)?.selection).toEqual(at('d/db', 'd/api'));
    expect(graphKey('ArrowRight', at('d/db', '203.0.113.5'), 'd/db', order, reported)?.selection).toEqual(at('d/web', 'd/db'));
    expect(graphKey('ArrowRight', at('d/api', 'd/db'), 'd/db', order, reported)?.selection).toEqual(at('d/db', 'd/web'));
    expect(graphKey('ArrowUp', at('d/db', 'd/web'), 'd/db', order, reported)?.selection).toEqual(at('d/api', 'd/db'));
  });
  it('Enter on a connection asks for its explanation; Escape goes back to the anchor', () => {
    const edge = { kind: 'edge' as const, from: 'd/web', to: 'd/db' };
    expect(graphKey('Enter', edge, 'd/db', order, reported)).toEqual({ selection: edge, anchor: 'd/db', explain: true });
    expect(graphKey('Escape', edge, 'd/db', order, reported)).toEqual({ selection: { kind: 'pod', id: 'd/db' }, anchor: null });
    expect(graphKey('Escape', { kind: 'pod', id: 'd/db' }, null, order, reported)).toEqual({ selection: null, anchor: null });
  });
  it('a host with no reported connection: Enter does nothing; other keys are not the graph’s', () => {
    const lonely = (from: string, to: string) => from === 'x' && to === 'y';
    expect(graphKey('Enter', { kind: 'external', id: '203.0.113.5' }, null, order, lonely)).toBeNull();
    expect(graphKey('a', null, null, order, reported)).toBeNull();
  });
  it('a connection chosen with the mouse (no anchor): arrows move between nodes again', () => {
    expect(graphKey('ArrowRight', { kind: 'edge', from: 'd/web', to: 'd/db' }, null, order, reported)?.selection).toEqual({ kind: 'pod', id: 'd/web' });
  });
});
