/** UI text of the analysis status notes (i18next namespace `status`). */
export const strings = {
  en: {
    recomputing: 'Recomputing… showing the last result',
    analysing: 'Analysing the cluster…',
    explaining: 'Working out why…',
    pendingCell: 'computing',
  },
  ko: {
    recomputing: '다시 계산하는 중… 직전 결과를 보여 줍니다',
    analysing: '클러스터를 분석하는 중…',
    explaining: '판정 이유를 계산하는 중…',
    pendingCell: '계산 중',
  },
} as const;
