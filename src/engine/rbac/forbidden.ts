import type { AuthorizationRequest } from '../model/index.js';
import { goQuote } from './subjects.js';

/**
 * The API server's answer to a request no authorizer allowed, word for word:
 * k8s.io/apiserver pkg/endpoints/handlers/responsewriters/errors.go Forbidden + forbiddenMessage
 * (HTML-sensitive characters escaped by its sanitizer), wrapped by k8s.io/apimachinery
 * pkg/api/errors NewForbidden:
 *
 *   pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "dev"
 *   pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "dev"
 *   nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope
 *   deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "dev"
 *   forbidden: User "jane" cannot get path "/metrics"
 *
 * With a reason (RBAC's role lookup errors) after `: `. kubectl prints `Error from server (Forbidden): ` first.
 */
export function forbiddenMessage(req: AuthorizationRequest, reason = ''): string {
  const msg = sanitize(attributesMessage(req));
  const err = reason.length === 0 ? msg : `${msg}: ${reason}`;
  if (req.nonResourceURL !== undefined) return `forbidden: ${err}`;
  // NewForbidden's GroupResource: resource without the subresource, `.group` when not core.
  const resource = req.resource ?? '';
  const group = req.apiGroup ?? '';
  const qualified = group === '' ? resource : `${resource}.${group}`;
  if (resource === '' && group === '') return `forbidden: ${err}`;
  const name = req.name ?? '';
  return name === '' ? `${qualified} is forbidden: ${err}` : `${qualified} ${goQuote(name)} is forbidden: ${err}`;
}

/** forbiddenMessage(attributes): the part after `is forbidden: `. */
export function attributesMessage(req: AuthorizationRequest): string {
  const user = goQuote(req.user);
  if (req.nonResourceURL !== undefined) return `User ${user} cannot ${req.verb} path ${goQuote(req.nonResourceURL)}`;
  const resource = req.subresource ? `${req.resource ?? ''}/${req.subresource}` : req.resource ?? '';
  const ns = req.namespace ?? '';
  const head = `User ${user} cannot ${req.verb} resource ${goQuote(resource)} in API group ${goQuote(req.apiGroup ?? '')}`;
  return ns.length > 0 ? `${head} in the namespace ${goQuote(ns)}` : `${head} at the cluster scope`;
}

/** responsewriters' sanitizer: "Avoid emitting errors that look like valid HTML. Quotes are okay." */
function sanitize(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * utilerrors.NewAggregate(errs).Error(): one error as itself; several as `[a, b]`, each distinct
 * message once.
 */
export function aggregateErrors(errors: readonly string[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1) return errors[0] ?? '';
  const seen: string[] = [];
  for (const e of errors) if (!seen.includes(e)) seen.push(e);
  return seen.length === 1 ? seen[0] ?? '' : `[${seen.join(', ')}]`;
}
