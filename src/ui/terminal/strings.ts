/** The terminal's UI text (registered by the app as the `terminal` i18next namespace). */
export const strings = {
  en: {
    label: 'Lab terminal',
    prompt: 'controlplane:~$ ',
    hint: 'Simulated terminal: kubectl (k), docker, kubens, kubectx, history, clear. Tab completes, ↑/↓ recall history.',
  },
  ko: {
    label: '실습 터미널',
    prompt: 'controlplane:~$ ',
    hint: '시뮬레이션 터미널입니다. kubectl(k), docker, kubens, kubectx, history, clear를 쓸 수 있어요. Tab으로 자동 완성, ↑/↓로 이전 명령을 불러옵니다.',
  },
} as const;
