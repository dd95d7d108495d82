import { useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RbacRuleMiss, SourceRef } from '../../engine/model/index.js';
import { useActions, useDerivedAnalysis } from '../../state/index.js';
import {
  accessGrid, decideCell, explainDecision, firstNamespace, GRID_ROWS, GRID_VERBS, hasScenarioRbac, knownSubjects, listText, viewNamespaces,
  type CellExplanation, type Mention, type SubjectOption,
} from './model.js';
import './rbac.css';

/**
 * Who can do what where: pick a subject (the lab user, anyone the scenario's bindings name, its
 * ServiceAccounts) and a namespace; the grid says, per common resource and verb, what the engine's
 * authorizer answers; a cell's reason names the binding, role and rule that allowed it, or why each
 * binding missed, each a button that selects its YAML. Shown only when the scenario has RBAC objects,
 * as a disclosure the student opens.
 * The grid is one Tab stop; the arrow keys move between its cells (WAI-ARIA grid pattern, with buttons).
 */
export function RbacPanel() {
  const { t } = useTranslation('rbac');
  const actions = useActions();
  const { current } = useDerivedAnalysis();
  const rbac = current.rbac;
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [chosenNs, setChosenNs] = useState<string | null>(null);
  const [cell, setCell] = useState<{ row: string; verb: string } | null>(null);
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const subjects = useMemo(() => knownSubjects(rbac), [rbac]);
  const namespaces = useMemo(() => viewNamespaces(current.cluster.namespaces, rbac), [current.cluster.namespaces, rbac]);
  const subject: SubjectOption | undefined = subjects.find((s) => s.id === subjectId) ?? subjects[1] ?? subjects[0];
  const ns = subject ? (chosenNs !== null && namespaces.includes(chosenNs) ? chosenNs : firstNamespace(subject, rbac, namespaces)) : '';
  const shown = useMemo(() => hasScenarioRbac(rbac), [rbac]);
  // The grid asks the authorizer ~40 questions against every bootstrap role: only while the
  // disclosure is open (issue 11: it was ~70 ms of the first screen, for a panel that was closed).
  const [open, setOpen] = useState(false);
  const grid = useMemo(() => (subject && shown && open ? accessGrid(rbac, subject, ns) : []), [rbac, subject, ns, shown, open]);
  if (!subject || !shown) return null;

  const who = t(`who.${subject.lab ? 'lab' : subject.kind}`, { name: subject.name, namespace: subject.namespace ?? '' });
  const row = cell ? GRID_ROWS.find((r) => r.id === cell.row) : undefined;
  const explanation = row && cell && row.verbs.includes(cell.verb) ? explainDecision(decideCell(rbac, subject, ns, row, cell.verb)) : null;

  const onGridKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    // The next cell in that direction that is a request (subresource rows skip the verbs they never use).
    let { r, c } = focus;
    for (;;) {
      r += move[0];
      c += move[1];
      if (r < 0 || r >= grid.length || c < 0 || c >= GRID_VERBS.length) return;
      if (grid[r]?.cells[c] !== null) break;
    }
    setFocus({ r, c });
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };

  return (
    // Closed until asked for: open, it takes the editor's height (a terminal lesson has little to spare).
    <details className="rbac" data-testid="rbac-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="rbac-title"><h3 className="rbac-heading">{t('title')}</h3></summary>
      <div className="rbac-pickers">
        <label>
          {t('subject')}{' '}
          <select value={subject.id} data-testid="rbac-subject" onChange={(e) => { setSubjectId(e.target.value); setChosenNs(null); }}>
            {subjects.map((s) => (
              <option key={s.id} value={s.id}>{t(`option.${s.lab ? 'lab' : s.kind}`, { name: s.name, namespace: s.namespace ?? '' })}</option>
            ))}
          </select>
        </label>
        <label>
          {t('namespace')}{' '}
          <select value={ns} data-testid="rbac-namespace" onChange={(e) => setChosenNs(e.target.value)}>
            {namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </div>
      <table className="rbac-grid" onKeyDown={onGridKey} data-testid="rbac-grid">
        <caption className="rbac-caption">{t('caption', { who, namespace: ns })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('resource')}</th>
            {GRID_VERBS.map((v) => <th key={v} scope="col">{v}</th>)}
          </tr>
        </thead>
        <tbody>
          {grid.map((line, r) => (
            <tr key={line.row.id}>
              <th scope="row">{line.row.id}</th>
              {line.cells.map((allowed, c) => {
                const verb = GRID_VERBS[c] ?? '';
                if (allowed === null) {
                  return <td key={verb} className="rbac-na"><span aria-hidden="true">·</span><span className="visually-hidden">{t('notUsed')}</span></td>;
                }
                const answer = t(allowed ? 'yes' : 'no');
                const selected = cell?.row === line.row.id && cell.verb === verb;
                return (
                  <td key={verb}>
                    <button
                      type="button"
                      className={`rbac-cell rbac-cell--${allowed ? 'yes' : 'no'}`}
                      data-cell={`${r}:${c}`}
                      data-testid={`rbac-cell-${line.row.id}-${verb}`}
                      data-allowed={allowed}
                      tabIndex={focus.r === r && focus.c === c ? 0 : -1}
                      aria-pressed={selected}
                      aria-label={t('cell', { verb, resource: line.row.id, answer })}
                      onFocus={() => setFocus({ r, c })}
                      onClick={() => setCell({ row: line.row.id, verb })}
                    >
                      <span aria-hidden="true">{allowed ? '✓' : '✗'}</span> {answer}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {explanation && row && cell && (
        <Explanation e={explanation} head={{ who, verb: cell.verb, resource: row.id, namespace: ns }} onReveal={(ref) => actions.revealRef(ref)} />
      )}
    </details>
  );
}

interface Head { who: string; verb: string; resource: string; namespace: string }

function Explanation({ e, head, onReveal }: { e: CellExplanation; head: Head; onReveal(ref: SourceRef): void }) {
  const { t } = useTranslation('rbac');
  const reveal = (m: Mention, label = m.label) => (m.ref
    ? <button key={label} type="button" className="rbac-reveal" aria-label={t('reveal', { what: label })} onClick={() => onReveal(m.ref as SourceRef)}>{label}</button>
    : null);
  const shows = (items: (ReactElement | null)[]) => {
    const present = items.filter((x): x is ReactElement => x !== null);
    return present.length > 0 ? <span className="rbac-shows">{present}</span> : null;
  };
  if (e.kind === 'superuser') {
    return <div className="rbac-why" data-testid="rbac-why" data-allowed="true"><p className="rbac-verdict">{t('becauseSuperuser', { head: t('may', { ...head }), group: e.group })}</p></div>;
  }
  if (e.kind === 'allowed') {
    const rule = t('rule', { n: e.rule.number });
    const links = shows([reveal(e.binding), reveal(e.role), e.rule.ref ? reveal({ label: rule, ref: e.rule.ref }) : null]);
    return (
      <div className="rbac-why" data-testid="rbac-why" data-allowed="true">
        <p className="rbac-verdict">{t('becauseRule', { head: t('may', { ...head }), binding: e.binding.label, role: e.role.label, rule: e.rule.number })}</p>
        {links && <p className="rbac-show">{t('show')}{' '}{links}</p>}
      </div>
    );
  }
  const missText = (m: RbacRuleMiss): string => {
    const v = { listed: listText(m.listed), wanted: m.wanted };
    if (m.hint === 'no-name') return t('noName', v);
    const text = t(`miss.${m.reason}`, v);
    return m.hint === 'parent-only' ? `${text} ${t('parentOnly', v)}` : text;
  };
  return (
    <div className="rbac-why" data-testid="rbac-why" data-allowed="false">
      <p className="rbac-verdict">{t('mayNot', { ...head })}</p>
      {e.applying.length === 0 ? <p>{t('noneApplying')}</p> : (
        <>
          <h4 className="rbac-sub">{t('applying')}</h4>
          <ul className="rbac-list" data-testid="rbac-applying">
            {e.applying.map((l) => {
              const v = { binding: l.binding.label, role: l.role.label, subject: l.subject };
              const key = l.state === 'missing' ? 'bindingMissing' : l.state === 'empty' ? 'bindingEmpty' : l.state === 'builtIn' ? 'bindingBuiltIn' : 'bindingRules';
              return (
                <li key={l.binding.label}>
                  {t(key, { ...v, count: l.rules.length })} {shows([reveal(l.binding), reveal(l.role)])}
                  {l.state === 'rules' && (
                    <ul className="rbac-list rbac-rules">
                      {l.rules.map((r) => {
                        const label = t('rule', { n: r.number });
                        return (
                          <li key={r.number}>
                            {r.ref ? reveal({ label, ref: r.ref }) : label}: {r.misses.map(missText).join('; ')}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {(e.notApplying.length > 0 || e.builtInSkipped > 0) && (
        <>
          <h4 className="rbac-sub">{t('notApplying')}</h4>
          <ul className="rbac-list" data-testid="rbac-not-applying">
            {e.notApplying.map((s) => {
              const v = { binding: s.binding.label, role: s.role, subjects: s.subjects, who: head.who, namespace: s.namespace };
              const key = s.why === 'namespace' ? 'skipNamespace' : s.why === 'cluster-scope' ? 'skipClusterScope' : 'skipSubject';
              return <li key={s.binding.label}>{t(key, v)} {shows([reveal(s.binding)])}</li>;
            })}
            {e.builtInSkipped > 0 && <li>{t('builtInSkipped', { count: e.builtInSkipped })}</li>}
          </ul>
        </>
      )}
      {e.forbidden && <p className="rbac-api">{t('apiAnswer', { message: e.forbidden })}</p>}
    </div>
  );
}
