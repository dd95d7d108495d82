// How `kubectl auth can-i VERB TYPE[/NAME]` resolves TYPE (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
// Complete + resourceFor: schema.ParseResourceArg, the discovery RESTMapper with short names, the
// "the server doesn't have a resource type" warning) and Validate's warnings.
import { describe, expect, it } from 'vitest';
import { canIWarnings, resolveCanIResource } from './resources.js';

describe('resolveCanIResource', () => {
  it.each([
    { arg: 'pods', out: { resource: 'pods', group: '' } },
    { arg: 'po', out: { resource: 'pods', group: '' } },
    { arg: 'Pod', out: { resource: 'pods', group: '' } },
    { arg: 'deploy', out: { resource: 'deployments', group: 'apps' } },
    { arg: 'deployments.apps', out: { resource: 'deployments', group: 'apps' } },
    { arg: 'deployments.v1.apps', out: { resource: 'deployments', group: 'apps' } },
    { arg: 'netpol', out: { resource: 'networkpolicies', group: 'networking.k8s.io' } },
    { arg: 'rolebindings.rbac.authorization.k8s.io', out: { resource: 'rolebindings', group: 'rbac.authorization.k8s.io' } },
    // The core group wins when several groups serve a name.
    { arg: 'events', out: { resource: 'events', group: '' } },
    { arg: 'events.events.k8s.io', out: { resource: 'events', group: 'events.k8s.io' } },
    // TYPE/NAME: `pods/log` asks about the pod named "log" (a subresource needs --subresource).
    { arg: 'pods/log', out: { resource: 'pods', group: '', name: 'log' } },
    { arg: 'jobs.batch/bar', out: { resource: 'jobs', group: 'batch', name: 'bar' } },
    { arg: '*', out: { resource: '*', group: '' } },
  ])('$arg', ({ arg, out }) => expect(resolveCanIResource(arg)).toMatchObject(out));

  it('an unknown type is sent as typed, with kubectl\'s warning', () => {
    expect(resolveCanIResource('Widgets')).toEqual({ resource: 'Widgets', group: '', warning: "the server doesn't have a resource type 'widgets'" });
    expect(resolveCanIResource('widgets.example.com')).toEqual({ resource: 'widgets.example.com', group: '', warning: "the server doesn't have a resource type 'widgets' in group 'example.com'" });
    // users and groups (impersonation) are not discoverable but known to the server: no warning.
    expect(resolveCanIResource('users')).toEqual({ resource: 'users', group: '' });
  });
});

describe('canIWarnings (cani.go Validate)', () => {
  it.each([
    { verb: 'list', arg: 'nodes', all: false, out: ["resource 'nodes' is not namespace scoped"] },
    { verb: 'list', arg: 'clusterroles', all: false, out: ["resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'"] },
    { verb: 'list', arg: 'nodes', all: true, out: [] },
    { verb: 'lsit', arg: 'pods', all: false, out: ["verb 'lsit' is not a known verb"] },
    { verb: 'list', arg: 'pods', all: false, out: [] },
  ])('$verb $arg (-A: $all)', ({ verb, arg, all, out }) => expect(canIWarnings(verb, resolveCanIResource(arg), all)).toEqual(out));

  it('non-resource URLs know HTTP verbs', () => {
    expect(canIWarnings('post', { nonResourceURL: '/logs' }, false)).toEqual([]);
    expect(canIWarnings('list', { nonResourceURL: '/logs' }, false)).toEqual(["verb 'list' is not a known verb"]);
  });
});
