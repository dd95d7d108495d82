import type { RbacMissReason } from '../model/index.js';

/** The pieces of a sentence, already rendered (names, lists). */
export type RbacVars = Readonly<Record<string, string>>;
type Phrase = (v: RbacVars) => string;

export interface RbacText {
  /** `what`: the resource and name or the URL; `scope`: namespace or cluster (resource requests). */
  readonly may: Phrase;
  readonly mayNot: Phrase;
  readonly becauseRule: Phrase;
  readonly becauseSuperuser: Phrase;
  readonly what: { readonly resource: Phrase; readonly named: Phrase; readonly url: Phrase };
  readonly scope: { readonly namespace: Phrase; readonly cluster: string };
  readonly applyingTitle: Phrase;
  readonly noneApplying: Phrase;
  readonly bindingNoRule: Phrase;
  readonly bindingSystemNoRule: Phrase;
  readonly bindingMissingRole: Phrase;
  readonly bindingEmptyRole: Phrase;
  readonly miss: Record<RbacMissReason, Phrase>;
  readonly parentOnly: Phrase;
  readonly noName: Phrase;
  readonly notApplyingTitle: string;
  readonly skipSubject: Phrase;
  readonly skipNamespace: Phrase;
  readonly skipClusterScope: Phrase;
  readonly skipSystem: Phrase;
  readonly builtIn: string;
  readonly apiAnswer: Phrase;
}

export const en: RbacText = {
  may: (v) => `${v.user} may ${v.verb} ${v.what}${v.scope}`,
  mayNot: (v) => `${v.user} may not ${v.verb} ${v.what}${v.scope}.`,
  becauseRule: (v) => ` because ${v.binding} binds ${v.role} to ${v.subject}, ${v.rule}.`,
  becauseSuperuser: (v) => ` because members of group ${v.group} may do anything (the API server allows them before asking RBAC).`,
  what: {
    resource: (v) => `${v.resource}`,
    named: (v) => `${v.resource} "${v.name}"`,
    url: (v) => `${v.url}`,
  },
  scope: { namespace: (v) => ` in namespace ${v.namespace}`, cluster: ' at the cluster scope' },
  applyingTitle: (v) => `Bindings that apply to ${v.user}:`,
  noneApplying: (v) => `No binding applies to ${v.user}${v.scope}, and RBAC allows nothing by default.`,
  bindingNoRule: (v) => `${v.binding} binds ${v.role} to ${v.subject}, but none of its rules allows it:`,
  bindingSystemNoRule: (v) => `${v.binding} (built in) binds ${v.role} to ${v.subject}; none of its ${v.count} rules allows it.`,
  bindingMissingRole: (v) => `${v.binding} binds ${v.role} to ${v.subject}, but that role does not exist, so it grants nothing.`,
  bindingEmptyRole: (v) => `${v.binding} binds ${v.role} to ${v.subject}, but the role has no rules.`,
  miss: {
    verb: (v) => `verbs ${v.listed} do not include ${v.wanted}`,
    apiGroup: (v) => `apiGroups ${v.listed} do not include "${v.wanted}"`,
    resource: (v) => `resources ${v.listed} do not include ${v.wanted}`,
    resourceName: (v) => `resourceNames ${v.listed} do not include "${v.wanted}"`,
    nonResourceURL: (v) => `nonResourceURLs ${v.listed} do not include ${v.wanted}`,
    'url-rule': (v) => `it is a non-resource URL rule (nonResourceURLs ${v.listed})`,
    'resource-rule': () => 'it is a resource rule, not a non-resource URL rule',
  },
  parentOnly: (v) => ` (a subresource needs its own entry: ${v.wanted})`,
  noName: (v) => `resourceNames ${v.listed} never match a request without a name (list, create, watch of all)`,
  notApplyingTitle: 'Bindings that do not apply:',
  skipSubject: (v) => `${v.binding} binds ${v.role} to ${v.subjects}, not to ${v.user}.`,
  skipNamespace: (v) => `${v.binding} would apply to ${v.user}, but a RoleBinding grants only in its own namespace (${v.namespace}).`,
  skipClusterScope: (v) => `${v.binding} applies to ${v.user}, but a RoleBinding never grants a cluster-scoped request.`,
  skipSystem: (v) => `…and ${v.count} built-in bindings for other subjects.`,
  builtIn: 'built in',
  apiAnswer: (v) => `The API server answers: ${v.message}`,
};

/**
 * Natural Korean. Names are followed by a noun (사용자, 네임스페이스, 바인딩, 역할, 주체, 리소스) so
 * the particle after them never depends on how an arbitrary name ends.
 */
export const ko: RbacText = {
  may: (v) => `${v.user} 사용자는 ${v.scope}${v.what}에 대해 ${v.verb} 권한이 있습니다`,
  mayNot: (v) => `${v.user} 사용자는 ${v.scope}${v.what}에 대해 ${v.verb} 권한이 없습니다.`,
  becauseRule: (v) => `. 근거: ${v.binding} 바인딩이 ${v.role} 역할을 ${v.subject} 주체에 연결하며, 그 역할의 ${v.rule} 규칙이 허용합니다.`,
  becauseSuperuser: (v) => `. 근거: ${v.group} 그룹의 구성원은 API 서버가 RBAC를 묻기 전에 모든 요청을 허용합니다.`,
  what: {
    resource: (v) => `${v.resource} 리소스`,
    named: (v) => `${v.resource} 리소스 "${v.name}"`,
    url: (v) => `${v.url} 경로`,
  },
  scope: { namespace: (v) => `${v.namespace} 네임스페이스의 `, cluster: '클러스터 범위의 ' },
  applyingTitle: (v) => `${v.user} 사용자에게 적용되는 바인딩:`,
  noneApplying: (v) => `${v.user} 사용자에게 적용되는 바인딩이 없습니다. RBAC는 기본적으로 아무것도 허용하지 않습니다.`,
  bindingNoRule: (v) => `${v.binding} 바인딩은 ${v.role} 역할을 ${v.subject} 주체에 연결하지만, 허용하는 규칙이 없습니다:`,
  bindingSystemNoRule: (v) => `${v.binding} 바인딩(기본 제공)은 ${v.role} 역할을 ${v.subject} 주체에 연결하지만, 규칙 ${v.count}개 중 허용하는 것이 없습니다.`,
  bindingMissingRole: (v) => `${v.binding} 바인딩은 ${v.role} 역할을 ${v.subject} 주체에 연결하지만, 그 역할이 존재하지 않아 아무 권한도 주지 않습니다.`,
  bindingEmptyRole: (v) => `${v.binding} 바인딩은 ${v.role} 역할을 ${v.subject} 주체에 연결하지만, 그 역할에는 규칙이 없습니다.`,
  miss: {
    verb: (v) => `verbs ${v.listed}에 요청한 동사(${v.wanted})가 없음`,
    apiGroup: (v) => `apiGroups ${v.listed}에 요청한 API 그룹("${v.wanted}")이 없음`,
    resource: (v) => `resources ${v.listed}에 요청한 리소스(${v.wanted})가 없음`,
    resourceName: (v) => `resourceNames ${v.listed}에 요청한 이름("${v.wanted}")이 없음`,
    nonResourceURL: (v) => `nonResourceURLs ${v.listed}에 요청한 경로(${v.wanted})가 없음`,
    'url-rule': (v) => `비리소스 URL용 규칙임 (nonResourceURLs ${v.listed})`,
    'resource-rule': () => '리소스용 규칙이라 URL 요청에는 해당하지 않음',
  },
  parentOnly: (v) => ` (하위 리소스는 ${v.wanted}처럼 따로 적어야 함)`,
  noName: (v) => `resourceNames ${v.listed} 항목이 있는 규칙은 이름 없는 요청(list, create, 전체 watch)을 허용하지 않음`,
  notApplyingTitle: '적용되지 않는 바인딩:',
  skipSubject: (v) => `${v.binding} 바인딩은 ${v.role} 역할을 다른 주체(${v.subjects})에 연결합니다.`,
  skipNamespace: (v) => `${v.binding} 바인딩은 ${v.user} 사용자에게 적용되지만, RoleBinding은 자기 네임스페이스(${v.namespace})에서만 권한을 줍니다.`,
  skipClusterScope: (v) => `${v.binding} 바인딩은 ${v.user} 사용자에게 적용되지만, RoleBinding은 클러스터 범위 요청에는 권한을 주지 않습니다.`,
  skipSystem: (v) => `그 밖에 다른 주체에 연결된 기본 제공 바인딩 ${v.count}개.`,
  builtIn: '기본 제공',
  apiAnswer: (v) => `API 서버의 응답: ${v.message}`,
};
