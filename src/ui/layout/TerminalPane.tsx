import { useCallback, useMemo } from 'react';
import type { ProbeRecord, ShellResult } from '../../shell/index.js';
import { useLab, useLabContext } from '../../state/index.js';
import { ProbeBar } from '../terminal/ProbeBar.js';
import { TerminalView } from '../terminal/TerminalView.js';
import { applyResult, labShell } from './lab-shell.js';
import { useOfferUndo } from './shell.js';

/** The terminal and the bar of its last probe: a chunk of its own (shell.ts `loadTerminalPane`). */
export default function TerminalPane() {
  const lab = useLabContext();
  const { store } = lab;
  const offerUndo = useOfferUndo();
  const shell = useMemo(() => labShell(lab), [lab]);
  const transcript = useLab((s) => s.transcript);
  const lastProbe = useLab((s) => s.lastProbe);
  const onResult = useCallback((result: ShellResult, command: string, prompt?: string) => {
    offerUndo(applyResult(lab, shell, result, command, prompt));
  }, [lab, shell, offerUndo]);
  // The probed connection on the port it used: the graph selects it and the panel explains it.
  const explain = useCallback((p: ProbeRecord) => {
    const s = store.getState();
    s.setPortFilter({ port: p.port, protocol: p.protocol });
    s.select({ kind: 'edge', from: p.from, to: p.to });
  }, [store]);
  return (
    <div className="terminal-stack">
      <div className="terminal-main"><TerminalView shell={shell} onResult={onResult} transcript={transcript} /></div>
      {lastProbe && <ProbeBar probe={lastProbe} onExplain={explain} />}
    </div>
  );
}
