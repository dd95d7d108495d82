// Edges of the Forbidden text (issue 15, written ahead of the rbac mutation run): k8s.io/apimachinery
// pkg/api/errors NewForbidden (an empty GroupResource gives `forbidden: …` whatever the name;
// GroupResource.String() is `resource.group`, also with an empty resource), the responsewriters
// sanitizer on every occurrence, and utilerrors.NewAggregate's Error() (one message bare, several
// in brackets, a repeated message once).
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from '../model/index.js';
import { aggregateErrors, attributesMessage, forbiddenMessage } from './forbidden.js';

const req = (r: Partial<AuthorizationRequest>): AuthorizationRequest => ({ user: 'jane', groups: [], verb: 'get', ...r });

describe('forbiddenMessage', () => {
  it.each([
    { r: req({ resource: '', apiGroup: '', name: 'x' }), text: 'forbidden: User "jane" cannot get resource "" in API group "" at the cluster scope' },
    { r: req({ resource: '', apiGroup: 'apps' }), text: '.apps is forbidden: User "jane" cannot get resource "" in API group "apps" at the cluster scope' },
    { r: req({}), text: 'forbidden: User "jane" cannot get resource "" in API group "" at the cluster scope' },
    { r: req({ resource: 'pods', name: 'a"b' }), text: 'pods "a\\"b" is forbidden: User "jane" cannot get resource "pods" in API group "" at the cluster scope' },
    { r: req({ nonResourceURL: '/x', name: 'web', resource: 'pods' }), text: 'forbidden: User "jane" cannot get path "/x"' },
  ])('$text', ({ r, text }) => expect(forbiddenMessage(r)).toBe(text));

  it('a reason follows after a colon; none leaves the message as it is', () => {
    expect(forbiddenMessage(req({ nonResourceURL: '/x' }), 'RBAC: boom')).toBe('forbidden: User "jane" cannot get path "/x": RBAC: boom');
    expect(forbiddenMessage(req({ nonResourceURL: '/x' }), '')).toBe('forbidden: User "jane" cannot get path "/x"');
  });

  it('every &, < and > of the attributes is escaped', () => {
    expect(forbiddenMessage(req({ nonResourceURL: '/a<<b>>&&' }))).toBe('forbidden: User "jane" cannot get path "/a&lt;&lt;b&gt;&gt;&amp;&amp;"');
  });

  it('attributesMessage: a subresource joins the resource; the namespace when given', () => {
    expect(attributesMessage(req({ resource: 'pods', subresource: 'log', namespace: 'dev' })))
      .toBe('User "jane" cannot get resource "pods/log" in API group "" in the namespace "dev"');
    expect(attributesMessage(req({ subresource: 'log' }))).toBe('User "jane" cannot get resource "/log" in API group "" at the cluster scope');
  });
});

describe('aggregateErrors (utilerrors.NewAggregate)', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'a'], 'a'],
    [['a', 'b'], '[a, b]'],
    [['a', 'b', 'a'], '[a, b]'],
    [['b', 'a', 'b', 'c'], '[b, a, c]'],
  ])('%j → %s', (errors, out) => expect(aggregateErrors(errors)).toBe(out));
});
