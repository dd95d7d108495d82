/** Words every feature shares: dialogs and generic actions. */
const en = {
  ok: 'OK',
  cancel: 'Cancel',
  close: 'Close',
  dismiss: 'Dismiss',
  comingSoon: 'This panel is on its way.',
};

const ko: typeof en = {
  ok: '확인',
  cancel: '취소',
  close: '닫기',
  dismiss: '닫기',
  comingSoon: '이 패널은 곧 준비됩니다.',
};

export const strings = { en, ko };
