/** Words every feature shares: dialogs and generic actions. */
const en = {
  ok: 'OK',
  cancel: 'Cancel',
  close: 'Close',
  dismiss: 'Dismiss',
  comingSoon: 'This panel is on its way.',
  // A panel that failed (ErrorBoundary.tsx): said in its place, the other panels keep working.
  panelError: {
    title: 'The {{panel}} stopped working.',
    body: 'Your files are not affected, and the rest of the lab still works. Try again, or export your work to keep a copy.',
    retry: 'Try again',
    export: 'Export my work (.zip)',
    details: 'What went wrong',
    names: {
      editor: 'editor',
      problems: 'problems list',
      admission: 'Pod Security Admission panel',
      rbac: 'RBAC view',
      graph: 'graph',
      matrix: 'connectivity matrix',
      explain: 'explanation panel',
      inspector: 'pod inspector',
      terminal: 'terminal',
      lesson: 'lesson panel',
    },
  },
};

const ko: typeof en = {
  ok: '확인',
  cancel: '취소',
  close: '닫기',
  dismiss: '닫기',
  comingSoon: '이 패널은 곧 준비됩니다.',
  panelError: {
    title: '{{panel}} 영역에서 오류가 발생해 멈췄습니다.',
    body: '파일은 그대로이고, 실습실의 나머지 기능도 계속 쓸 수 있습니다. 다시 시도하거나, 사본을 남기려면 작업을 내보내세요.',
    retry: '다시 시도',
    export: '내 작업 내보내기(.zip)',
    details: '오류 내용',
    names: {
      editor: '에디터',
      problems: '문제 목록',
      admission: '파드 보안 어드미션(PSA)',
      rbac: 'RBAC 권한 보기',
      graph: '그래프',
      matrix: '연결 표',
      explain: '설명',
      inspector: '파드 살펴보기',
      terminal: '터미널',
      lesson: '레슨',
    },
  },
};

export const strings = { en, ko };
