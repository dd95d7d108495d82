/** Messages about links and files from elsewhere: refusals, overwrites, other tabs (namespace `imports`). */
const en = {
  refusedLinkTitle: 'This link was not opened',
  refusedZipTitle: 'This file was not opened',
  kept: 'Your current work is unchanged.',
  broken: 'The link is damaged or was not made by this lab (its data cannot be read).',
  brokenZip: '{{file}} is damaged or is not a zip file this lab can read.',
  tooLarge: 'It holds more than {{limit}} of text, the most the lab opens at once.',
  tooManyFiles: 'It holds {{count}} files; the lab opens at most {{limit}} tabs.',
  tooManyEntries: 'The zip lists {{count}} entries; the lab reads zips of at most {{limit}} entries.',
  ratio: '{{name}} would expand more than {{limit}} times its compressed size (a “zip bomb”), so nothing was inflated.',
  overlap: '{{name}} shares its data with another entry (a “zip bomb” trick), so nothing was read.',
  badName: 'A file name was refused: “{{name}}” {{problem}}',
  problem: {
    empty: 'is empty or starts or ends with spaces.',
    duplicate: 'appears twice.',
    separator: 'contains / or \\ (a tab name cannot be a path).',
    dots: 'contains “..” (a tab name cannot leave its folder).',
    control: 'contains control or text-direction characters (shown above as \\u{…}), which can hide what a name really is.',
    tooLong: 'is longer than 100 characters.',
  },
  clashTitle: 'Replace tabs with the same name?',
  clashBody_one: 'Opening these files would replace {{count}} tab you already have:',
  clashBody_other: 'Opening these files would replace {{count}} tabs you already have:',
  replace: 'Replace',
  keepBoth: 'Keep both (open as copies)',
  cancel: 'Cancel',
  otherTabTitle: 'Your work was changed in another tab',
  otherTabBody: 'The lab is also open in another tab or window, and it saved different work. Load that work here, or keep this tab’s work (it is saved again and replaces the other).',
  loadOther: 'Load the other tab’s work',
  keepThis: 'Keep this tab’s work',
  exportWork: 'Download my work (.zip)',
};

const ko: typeof en = {
  refusedLinkTitle: '이 링크를 열지 않았습니다',
  refusedZipTitle: '이 파일을 열지 않았습니다',
  kept: '지금 하던 작업은 그대로입니다.',
  broken: '링크가 손상되었거나 이 실습실에서 만든 링크가 아닙니다(데이터를 읽을 수 없습니다).',
  brokenZip: '{{file}} 파일이 손상되었거나 이 실습실이 읽을 수 없는 zip 파일입니다.',
  tooLarge: '텍스트가 {{limit}}보다 큽니다. 실습실이 한 번에 열 수 있는 최대 크기를 넘었습니다.',
  tooManyFiles: '파일이 {{count}}개 들어 있습니다. 탭은 최대 {{limit}}개까지 열 수 있습니다.',
  tooManyEntries: 'zip 항목이 {{count}}개입니다. 항목이 {{limit}}개 이하인 zip만 읽습니다.',
  ratio: '{{name}} 항목은 압축을 풀면 원래 크기의 {{limit}}배를 넘게 됩니다(“zip 폭탄”). 그래서 아무것도 풀지 않았습니다.',
  overlap: '{{name}} 항목이 다른 항목과 같은 데이터를 가리킵니다(“zip 폭탄” 수법). 그래서 아무것도 읽지 않았습니다.',
  badName: '받아들일 수 없는 파일 이름입니다: “{{name}}”. {{problem}}',
  problem: {
    empty: '이름이 비어 있거나 앞뒤에 공백이 있습니다.',
    duplicate: '같은 이름이 두 번 나옵니다.',
    separator: '/ 또는 \\가 들어 있습니다(탭 이름은 경로가 될 수 없습니다).',
    dots: '“..”이 들어 있습니다(탭 이름은 폴더 밖을 가리킬 수 없습니다).',
    control: '제어 문자나 글자 방향을 바꾸는 문자가 들어 있습니다(위에서는 \\u{…}로 표시). 이런 문자는 이름의 실제 모습을 숨길 수 있습니다.',
    tooLong: '100자를 넘습니다.',
  },
  clashTitle: '같은 이름의 탭을 바꾸시겠습니까?',
  clashBody_one: '이 파일들을 열면 이미 있는 탭 {{count}}개의 내용이 바뀝니다:',
  clashBody_other: '이 파일들을 열면 이미 있는 탭 {{count}}개의 내용이 바뀝니다:',
  replace: '바꾸기',
  keepBoth: '둘 다 두기(사본으로 열기)',
  cancel: '취소',
  otherTabTitle: '다른 탭에서 작업이 바뀌었습니다',
  otherTabBody: '실습실이 다른 탭이나 창에서도 열려 있고, 그쪽에서 다른 작업을 저장했습니다. 그 작업을 여기로 불러오거나, 이 탭의 작업을 유지할 수 있습니다(유지하면 다시 저장되어 다른 탭의 작업을 대신합니다).',
  loadOther: '다른 탭의 작업 불러오기',
  keepThis: '이 탭의 작업 유지하기',
  exportWork: '내 작업 내려받기(.zip)',
};

export const strings = { en, ko };

/** 4194304 → "4 MB" (binary megabytes, as the limits are). */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
