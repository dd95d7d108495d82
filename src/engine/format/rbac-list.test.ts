// formatRulesList: `kubectl auth can-i --list` byte for byte. k8s.io/kubectl pkg/cmd/auth/cani.go
// prints the header `Resources\tNon-Resource URLs\tResource Names\tVerbs\n` (printAccessHeaders,
// left out with --no-headers) and each rule as `%s\t%v\t%v\t%v\n` (printAccess: Go's %v of a
// []string is `[a b]`, `[]` when empty) through k8s.io/cli-runtime pkg/printers GetNewTabWriter:
// text/tabwriter with minwidth 6, padding 3, padchar ' ', no flags. A column is as wide as its
// widest cell plus the padding, never under 6 (even when all its cells are empty: no
// DiscardEmptyColumns); the last cell of a line is not a column and is printed as is; widths count
// runes (UTF-8), not bytes or display cells.
import { describe, expect, it } from 'vitest';
import type { RbacRule } from '../model/index.js';
import type { RulesList, RulesListRow } from '../rbac/rules-review.js';
import { formatRulesList } from './rbac-list.js';

const rule = {} as RbacRule;
const row = (resources: string, nonResourceURLs: string[], resourceNames: string[], verbs: string[]): RulesListRow =>
  ({ resources, nonResourceURLs, resourceNames, verbs, rule });
const list = (...rows: RulesListRow[]): RulesList => ({ rows, incomplete: false, evaluationError: '' });

describe('kubectl auth can-i --list', () => {
  it('the header sets the widths when it is the widest cell', () => {
    expect(formatRulesList(list(row('pods', [], [], ['get', 'list', 'watch'])))).toBe(
      'Resources   Non-Resource URLs   Resource Names   Verbs\n' +
      'pods        []                  []               [get list watch]\n');
  });

  it('a wider cell widens its column for every line, header included', () => {
    expect(formatRulesList(list(
      row('selfsubjectaccessreviews.authorization.k8s.io', [], [], ['create']),
      row('', ['/healthz', '/livez', '/readyz'], [], ['get']),
      row('configmaps', [], ['app-config'], ['get']),
    ))).toBe(
      'Resources                                       Non-Resource URLs           Resource Names   Verbs\n' +
      'selfsubjectaccessreviews.authorization.k8s.io   []                          []               [create]\n' +
      '                                                [/healthz /livez /readyz]   []               [get]\n' +
      'configmaps                                      []                          [app-config]     [get]\n');
  });

  it('--no-headers: narrow columns stay six wide, an empty one too; the last cell is not padded', () => {
    expect(formatRulesList(list(row('', ['/x'], [], ['*']), row('a', ['/y'], [], ['get'])), { noHeaders: true })).toBe(
      '      [/x]   []    [*]\n' +
      'a     [/y]   []    [get]\n');
    expect(formatRulesList(list(row('pods', [], [], ['get'])), { noHeaders: true })).toBe('pods   []    []    [get]\n');
  });

  it('counts runes: a Korean or astral name is as wide as its characters', () => {
    expect(formatRulesList(list(row('configmaps', [], ['설정-파일-이름이-아주-긴-것'], ['get']), row('pods', [], ['😀'], ['get'])), { noHeaders: true })).toBe(
      'configmaps   []    [설정-파일-이름이-아주-긴-것]   [get]\n' +
      'pods         []    [😀]                  [get]\n');
  });

  it('no rule: the header alone, or nothing at all', () => {
    expect(formatRulesList(list())).toBe('Resources   Non-Resource URLs   Resource Names   Verbs\n');
    expect(formatRulesList(list(), { noHeaders: true })).toBe('');
  });
});
