/** The terminal's UI text (registered by the app as the `terminal` i18next namespace). */
export const strings = {
  en: {
    label: 'Lab terminal',
    promptLabel: 'Terminal input',
    tooMuchOutput: 'Too much output to read aloud: move through the rows to read it.',
    hint: 'Simulated terminal: a bash with pipes, redirections and here-documents; kubectl (k), docker, kubens, kubectx, coreutils; kubectl exec into pods to probe with wget, nc, curl. Tab completes, ↑/↓ recall history, Ctrl+D leaves a container shell, Shift+Tab leaves the terminal.',
    editing: '{{file}} is open in the editor (the lab\'s vi): edit it there — it saves as you type. Alt+T comes back here.',
    stale: 'YAML syntax error in {{files}}: this answer comes from the last version of the files that parsed, the one the graph shows.',
    staleAt: '{{file}} (line {{line}})',
    probe: {
      allowed: 'allowed',
      blocked: 'blocked by NetworkPolicy',
      flow: '{{tool}}: {{from}} → {{to}}',
      dnsFlow: '{{tool}} (DNS lookup): {{from}} → {{to}}',
      via: ' (through Service {{service}})',
      why: 'Why?',
    },
  },
  ko: {
    label: '실습 터미널',
    promptLabel: '터미널 입력',
    tooMuchOutput: '출력이 너무 많아 읽어 주지 않습니다. 행을 하나씩 옮겨 가며 읽어 보세요.',
    hint: '시뮬레이션 터미널입니다. 파이프, 리디렉션, here-document를 쓰는 bash에서 kubectl(k), docker, kubens, kubectx, coreutils를 쓸 수 있고, kubectl exec로 파드에 들어가 wget, nc, curl로 연결을 확인할 수 있습니다. Tab으로 자동 완성, ↑/↓로 이전 명령을 불러오고, Ctrl+D로 컨테이너 셸에서 나옵니다. Shift+Tab을 누르면 터미널 밖으로 나갑니다.',
    editing: '{{file}} 파일을 에디터(실습용 vi)에서 열었습니다. 에디터에서 고치면 입력하는 대로 저장됩니다. Alt+T를 누르면 터미널로 돌아옵니다.',
    stale: '{{files}}에 YAML 문법 오류가 있습니다. 이 답은 그래프와 같은 버전, 곧 마지막으로 문제없이 읽힌 파일을 기준으로 합니다.',
    staleAt: '{{file}}({{line}}행)',
    probe: {
      allowed: '허용됨',
      blocked: 'NetworkPolicy가 막음',
      flow: '{{tool}}: {{from}} → {{to}}',
      dnsFlow: '{{tool}} (DNS 조회): {{from}} → {{to}}',
      via: ' (Service {{service}} 경유)',
      why: '이유 보기',
    },
  },
} as const;
