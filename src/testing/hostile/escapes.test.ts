// Escape sequences in every printed field (issue 18): each tool escapes what the real one does,
// and nothing from data reaches the lab's terminal (the `screen`) or the CLI's text raw.
import { describe, expect } from 'vitest';
import { createShell } from '../../shell/index.js';
import { runCli } from '../run-cli.js';
import { bounded } from './bounded.js';
import { FORGED_TEXT, HOSTILE_DOCKERFILE, HOSTILE_SCENARIO, PRINTING_COMMANDS } from './escapes.js';

/** What xterm would interpret: C0 but tab/newline, DEL, C1, and a CR not before LF. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]|\r(?!\n)/;

const files = [{ name: 'scenario.yaml', text: HOSTILE_SCENARIO }, { name: 'Dockerfile', text: HOSTILE_DOCKERFILE }];

describe('hostile scenario: the terminal shows every payload, interprets none', () => {
  for (const command of PRINTING_COMMANDS) {
    bounded(command, 5000, () => {
      const r = createShell({ files }).run(command);
      expect(r.screen).toBeDefined();
      expect(r.screen).not.toMatch(RAW_CONTROL);
      // The forged line is there, but only as visible text after the escapes that tried to hide the rest.
      if (r.output.includes(FORGED_TEXT)) expect(r.screen).toContain(FORGED_TEXT);
    });
  }

  const run = (command: string) => createShell({ files }).run(command);
  bounded('describe escapes as kubectl does: ESC → ^[, CR → \\r (C1 is left to the terminal)', 5000, () => {
    const r = run('kubectl describe networkpolicy allow-all');
    expect(r.output).toContain('description: ^[[2J^[[H^[[1A^[[2K\\rAllowing ingress traffic');
    expect(r.output).toContain('\u009b2J');
    expect(r.screen).toContain('M-^[2J');
    expect(r.output).toContain('From: <any> (traffic not restricted by source)');
  });
  bounded('jsonpath is raw, as kubectl: the terminal boundary shows it', 5000, () => {
    const r = run("kubectl get pod web -o jsonpath='{.metadata.annotations.note}'");
    expect(r.output.startsWith('\x1b[2J\x1b[H')).toBe(true);
    expect(r.screen?.startsWith('^[[2J^[[H^[[1A^[[2K^MAllowing')).toBe(true);
  });
  bounded('custom-columns and events escape each value (EscapeTerminal)', 5000, () => {
    expect(run('kubectl get pods -o custom-columns=NOTE:.metadata.annotations.note').output).toContain('^[[2J');
    expect(run('kubectl get events').output).toContain('"nginx^[[2J^[[H"');
  });
  bounded('yaml and json quote control characters themselves', 5000, () => {
    expect(run('kubectl get pod web -o yaml').output).toContain('note: "\\e[2J\\e[H\\e[1A\\e[2K\\rAllowing');
    expect(run('kubectl get pod web -o json').output).toContain('"note": "\\u001b[2J\\u001b[H\\u001b[1A\\u001b[2K\\rAllowing');
  });
  bounded('ps shows non-printables as ? (procps escape_str)', 5000, () => {
    expect(run('kubectl exec web -- ps aux').output).toContain(`sleep ?[2J?[H${FORGED_TEXT}`);
  });
  bounded('exec env and docker build are raw; the screen is not', 5000, () => {
    const env = run('kubectl exec web -- env');
    expect(env.output).toContain('EVIL=\x1b[2J');
    expect(env.screen).toContain('EVIL=^[[2J');
    const build = run('docker build -t evil .');
    expect(build.output).toContain('RUN echo "\x1b[2J');
    expect(build.screen).toContain('RUN echo "^[[2J');
  });
  bounded("the tools' own colours still reach the terminal (ls, grep --color)", 5000, () => {
    const sh = createShell({ files });
    const ls = sh.run('mkdir -p d && ls --color=auto');
    expect(ls.screen).toContain('\x1b[01;34md\x1b[0m');
    const grep = sh.run("printf 'a \\033[2J b\\n' | grep --color=always b");
    expect(grep.screen).toBe('a ^[[2J \x1b[01;31m\x1b[Kb\x1b[m\x1b[K\n');
  });
});

describe('hostile scenario: the CLI text reports escape what they print', () => {
  bounded('kslab analyze (image names, messages)', 5000, async () => {
    const r = await runCli(['analyze', '-'], HOSTILE_SCENARIO);
    expect(r.stdout).toContain('nginx^[[2J^[[H');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });
  bounded('kslab explain', 5000, async () => {
    const r = await runCli(['explain', '-', '--from', 'default/bad-image', '--to', 'default/web', '--port', '80'], HOSTILE_SCENARIO);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('allow-all');
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });
  bounded('kslab shell on a terminal shows data visibly; into a pipe it is kubectl\'s bytes', 10000, async () => {
    const { main } = await import('../../cli/main.js');
    const capture = async (tty: boolean) => {
      let out = '';
      await main(['shell', '-', '-c', "kubectl get pod web -o jsonpath='{.metadata.annotations.note}'"], {
        stdout: (s) => (out += s), stderr: () => {}, readStdin: () => HOSTILE_SCENARIO, tty: { out: tty, err: tty },
      });
      return out;
    };
    expect(await capture(true)).not.toMatch(RAW_CONTROL);
    expect(await capture(false)).toContain('\x1b[2J');
  });
});
