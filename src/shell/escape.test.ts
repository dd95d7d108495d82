import { describe, expect, it } from 'vitest';
import { escapeTerminal, procpsEscape, rememberScreen, screenFor, screenText, tableCell, visible, visibleStyled } from './escape.js';

describe('escapeTerminal (cli-runtime printers/terminal.go terminalEscaper)', () => {
  it.each([
    ['plain', 'plain'],
    ['a\x1b[2Jb', 'a^[[2Jb'],
    ['a\rb', 'a\\rb'],
    ['\x1b]8;;http://x\x07link\x1b]8;;\x07', '^[]8;;http://x\x07link^[]8;;\x07'], // BEL is not escaped by kubectl
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
  ])('%j → %j', (input, want) => {
    expect(escapeTerminal(input)).toBe(want);
  });
  it('is idempotent', () => {
    const once = escapeTerminal('\x1b[1A\r');
    expect(escapeTerminal(once)).toBe(once);
  });
});

describe('tableCell (cli-runtime printTable)', () => {
  it.each([
    ['web', 'web'],
    ['a\nb', 'a...'],
    ['a\rb', 'a...'],
    ['a\fb', 'a...'],
    ['\x1b[31mred', '^[[31mred'],
  ])('%j → %j', (input, want) => {
    expect(tableCell(input)).toBe(want);
  });
});

describe('procpsEscape (procps-ng library/escape.c esc_ctl)', () => {
  it.each([
    ['sleep 3600', 'sleep 3600'],
    ['sh -c \x1b[2J', 'sh -c ?[2J'],
    ['a\tb\nc\x7f', 'a?b?c?'],
    ['csi\u009b', 'csi??'],
    ['한글 é', '한글 é'],
  ])('%j → %j', (input, want) => {
    expect(procpsEscape(input)).toBe(want);
  });
});

describe('visible (the terminal boundary)', () => {
  it.each([
    ['plain text\n', 'plain text\n'],
    ['tab\there', 'tab\there'],
    ['crlf\r\nline', 'crlf\r\nline'],
    ['over\rwrite', 'over^Mwrite'],
    ['\x1b[2J\x1b[H', '^[[2J^[[H'],
    ['\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\', '^[]8;;https://evil^[\\click^[]8;;^[\\'],
    ['bell\x07 bs\b nul\0 del\x7f', 'bell^G bs^H nul^@ del^?'],
    ['c1 csi\u009b2J nel\u0085', 'c1 csiM-^[2J nelM-^E'],
    ['vt\x0bff\x0c', 'vt^Kff^L'],
  ])('%j → %j', (input, want) => {
    expect(visible(input)).toBe(want);
  });
  it('leaves nothing xterm would interpret', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('');
    expect(visible(all)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(visible(all).replace(/\r\n/g, '')).not.toMatch(/\r/);
  });
});

describe('visibleStyled and screenText', () => {
  it('keeps SGR and erase-in-line, makes the rest visible', () => {
    expect(visibleStyled('\x1b[01;34mdir\x1b[0m \x1b[m\x1b[K x\x1b[2J\x07')).toBe('\x1b[01;34mdir\x1b[0m \x1b[m\x1b[K x^[[2J^G');
    expect(visibleStyled('\r- 100%\n')).toBe('\r- 100%\n');
  });
  it('styles only the chunks a tool styled', () => {
    expect(screenText([{ fd: 1, text: '\x1b[1;34mbin\x1b[m\n', styled: true }, { fd: 1, text: '\x1b[1;34mforged\x1b[m\n' }]))
      .toBe('\x1b[1;34mbin\x1b[m\n^[[1;34mforged^[[m\n');
  });
  it('remembers styled screens for replays, and shows anything else visibly', () => {
    rememberScreen('\x1b[1mx\x1b[m', '\x1b[1mx\x1b[m');
    expect(screenFor('\x1b[1mx\x1b[m')).toBe('\x1b[1mx\x1b[m');
    expect(screenFor('\x1b[1my\x1b[m')).toBe('^[[1my^[[m');
  });
});
