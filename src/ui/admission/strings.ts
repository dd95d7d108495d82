/** The Pod Security Admission panel: each namespace's levels and the fields a refused pod must change. */
const en = {
  title: 'Pod Security Admission',
  namespaces: 'Namespace levels',
  levels: 'enforce {{enforce}} · warn {{warn}} · audit {{audit}}',
  exempt: 'exempt (the cluster configuration lists this namespace)',
  refused: 'Refused pods',
  refusedPod: 'Pod {{pod}} was not created: {{level}} refuses it',
  change: 'Fields to change',
  showPod: 'Show the pod',
  fix: 'Make it restricted-compliant',
  reveal: 'Show {{field}} in the editor',
  more_one: '…and {{count}} more refused pod',
  more_other: '…and {{count}} more refused pods',
};

const ko: typeof en = {
  title: '파드 보안 어드미션 (PSA)',
  namespaces: '네임스페이스 수준',
  levels: 'enforce {{enforce}} · warn {{warn}} · audit {{audit}}',
  exempt: '예외 (클러스터 설정의 exemptions에 있는 네임스페이스입니다)',
  refused: '거부된 파드',
  refusedPod: '{{pod}} 파드는 생성되지 않았습니다. {{level}} 수준이 거부합니다',
  change: '바꿔야 할 필드',
  showPod: '파드 보기',
  fix: 'restricted 수준에 맞게 고치기',
  reveal: '에디터에서 {{field}} 필드 보기',
  more_one: '거부된 파드가 {{count}}개 더 있습니다',
  more_other: '거부된 파드가 {{count}}개 더 있습니다',
};

export const strings = { en, ko };
