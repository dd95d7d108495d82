import { describe, expect, it } from 'vitest';
import { podYaml } from '../../../testing/shell.js';
import { createShell, type Shell } from '../../index.js';

/**
 * The exam's pipelines through the real interpreter (the host's bash, then a busybox and a Debian
 * container via kubectl exec): the tools' output as the terminal shows it, files written into ~
 * becoming editor tabs, error wording from the right family.
 */
const PODS = `${podYaml('db-0')}---\n${podYaml('web')}---\n${podYaml('mydb', { namespace: 'prod' })}`;
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: eyJhdXRocyI6e319\n  user: YWRtaW4=\n';

function shell(): Shell {
  return createShell({ files: [{ name: 'pods.yaml', text: PODS }, { name: 'secret.yaml', text: SECRET }] });
}

describe('exam workflows on the host (GNU tools, LANG=C.UTF-8)', () => {
  it('kubectl get pods -A | grep -i db | wc -l counts every line with db (CoreDNS pod names too)', () => {
    const sh = shell();
    const lines = sh.run('kubectl get pods -A | grep -i db').output.split('\n').filter(Boolean);
    expect(lines.every((l) => /db/i.test(l))).toBe(true);
    expect(sh.run('kubectl get pods -A | grep -i db | wc -l').output).toBe(`${lines.length}\n`);
    expect(sh.run('kubectl get pods | grep db').output).toMatch(/^db-0 +1\/1 +Running/);
  });

  it('a secret through jsonpath and base64 -d', () => {
    const sh = shell();
    expect(sh.run("kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d").output).toBe('{"auths":{}}');
    expect(sh.run("kubectl get secret regcred -o jsonpath='{.data.user}' | base64 --decode; echo").output).toBe('admin\n');
    const bad = sh.run('echo "aGVsbG8K!" | base64 -d; echo " [$?]"');
    expect(bad.output).toBe('hello\nbase64: invalid input\n [1]\n');
  });

  it('here-doc into a file (a new tab), head of it, ls, rm, then cat fails', () => {
    const sh = shell();
    const r = sh.runScript('cat <<EOF > x.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nEOF\n');
    expect(r.files?.map((f) => f.name)).toContain('x.yaml');
    expect(sh.run('cat x.yaml | head -3').output).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n');
    // A terminal: columns padded with tabs as GNU ls does (captured with `script`); a pipe: one per line.
    expect(sh.run('ls').output).toBe('pods.yaml  secret.yaml\tx.yaml\n');
    expect(sh.run('ls | cat').output).toBe('pods.yaml\nsecret.yaml\nx.yaml\n');
    const rm = sh.run('rm x.yaml');
    expect([rm.output, rm.files?.map((f) => f.name)]).toEqual(['', ['pods.yaml', 'secret.yaml']]);
    const cat = sh.run('cat x.yaml');
    expect([cat.output, cat.exitCode]).toEqual(['cat: x.yaml: No such file or directory\n', 1]);
    expect(sh.run('rm x.yaml').output).toBe("rm: cannot remove 'x.yaml': No such file or directory\n");
  });

  it('mkdir, cp into it, ls it; rm -r', () => {
    const sh = shell();
    const r = sh.run('mkdir d && cp pods.yaml d/ && ls d');
    expect([r.output, r.files?.map((f) => f.name)]).toEqual(['pods.yaml\n', ['pods.yaml', 'secret.yaml', 'd/pods.yaml']]);
    expect(sh.run('mkdir d').output).toBe('mkdir: cannot create directory ‘d’: File exists\n');
    expect(sh.run('cp d copy').output).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(sh.run('rm -r d && ls -d d').output).toBe("ls: cannot access 'd': No such file or directory\n");
    expect(sh.run('mv pods.yaml p.yaml && ls').output).toBe('p.yaml\tsecret.yaml\n');
  });

  it('errors into /dev/null, status kept', () => {
    const sh = shell();
    expect(sh.run('grep foo nope 2>/dev/null; echo $?').output).toBe('2\n');
    expect(sh.run('grep -z').output).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(sh.run('head -n x pods.yaml').output).toBe('head: invalid number of lines: ‘x’\n');
  });

  it('sort | uniq -c, cut -d, tr -d, sort -k', () => {
    const sh = shell();
    const out = sh.run("kubectl get pods -A --no-headers | cut -d' ' -f1 | sort | uniq -c").output;
    expect(out).toMatch(/^ {6}2 default\n +\d+ kube-system\n {6}1 prod\n$/);
    expect(sh.run('echo "a-b-c" | tr -d -').output).toBe('abc\n');
    expect(sh.run("echo 'Hello' | tr '[:lower:]' '[:upper:]'").output).toBe('HELLO\n');
    expect(sh.run('printf "b 2\\na 10\\n" | sort -k2 -n').output).toBe('b 2\na 10\n');
  });

  it('tee writes a tab, seq | tail, which, xargs, find', () => {
    const sh = shell();
    const r = sh.run('kubectl get pods -o name | tee names.txt');
    expect(r.output).toBe('pod/db-0\npod/web\n');
    expect(r.files?.find((f) => f.name === 'names.txt')?.text).toBe('pod/db-0\npod/web\n');
    expect(sh.run('seq 10 | tail -n +9').output).toBe('9\n10\n');
    expect(sh.run('which kubectl ls nope; echo $?').output).toBe('/usr/bin/kubectl\n/usr/bin/ls\n1\n');
    expect(sh.run('cat names.txt | xargs -n1 echo got').output).toBe('got pod/db-0\ngot pod/web\n');
    expect(sh.run("find . -name '*.yaml'").output).toBe('./pods.yaml\n./secret.yaml\n');
  });

  it('watch shows one frame: the procps header, a blank line, the command through sh -c', () => {
    const out = shell().run('watch kubectl get pods').output.split('\n');
    expect(out[0]).toBe(`${'Every 2.0s: kubectl get pods'.padEnd(42)}controlplane: Mon May 20 09:00:00 2024`);
    expect(out[1]).toBe('');
    expect(out[2]).toMatch(/^NAME +READY +STATUS/);
  });
});

describe('sed in the exam workflow', () => {
  it('kubectl get -o yaml > file, sed -i changes the image, kubectl apply -f runs it', () => {
    const sh = shell();
    sh.run('kubectl get pod web -o yaml > web.yaml');
    const edit = sh.run("sed -i 's/image: ubuntu$/image: ubuntu:24.04/' web.yaml");
    expect(edit.output).toBe('');
    expect(edit.files?.find((f) => f.name === 'web.yaml')?.text).toMatch(/\n {4}image: ubuntu:24\.04\n/);
    expect(sh.run('kubectl apply -f web.yaml').output).toMatch(/\npod\/web configured\n$/);
    expect(sh.run('kubectl get pod web -o jsonpath={.spec.containers[0].image}').output).toBe('ubuntu:24.04');
    expect(sh.run('sed -n "/^metadata:/,/^spec:/p" web.yaml | head -1').output).toBe('metadata:\n');
  });

  it('awk-free column picking: sed -E on kubectl output', () => {
    const sh = shell();
    expect(sh.run("kubectl get pods --no-headers | sed -E 's/ +.*//'").output).toBe('db-0\nweb\n');
    expect(sh.run("kubectl get pods | sed 1d | wc -l").output).toBe('2\n');
    expect(sh.run("sed -n '$=' pods.yaml").output).toBe(`${PODS.split('\n').length - 1}\n`);
  });

  it('a script error answers as GNU sed does and sets $?', () => {
    expect(shell().run("echo x | sed 's/x/y'; echo \"[$?]\"").output).toBe("sed: -e expression #1, char 5: unterminated `s' command\n[1]\n");
  });
});

describe('awk in the exam workflow (mawk 1.3.4 on the host)', () => {
  it('columns of kubectl output, counts and sums', () => {
    const sh = shell();
    expect(sh.run("kubectl get pods --no-headers | awk '{print $1}'").output).toBe('db-0\nweb\n');
    expect(sh.run("kubectl get pods -A --no-headers | awk '$1 == \"prod\" {print $2}'").output).toBe('mydb\n');
    expect(sh.run("kubectl get pods | awk 'NR > 1 {n++} END {print n}'").output).toBe('2\n');
    expect(sh.run("awk -F': ' '/^type:/ {print $2}' secret.yaml").output).toBe('kubernetes.io/dockerconfigjson\n');
  });

  it('runs commands through the lab\'s sh: system(), cmd | getline, print | cmd (captured from mawk)', () => {
    const sh = createShell({ files: [{ name: 's.txt', text: 'b 2\na 10\nc 1\nb 2\nA 3\n\n' }] });
    expect(sh.run(`awk 'BEGIN { system("echo hi") }'`).output).toBe('hi\n');
    expect(sh.run(`awk 'BEGIN { r = system("exit 3"); print "r=" r }'`).output).toBe('r=3\n');
    expect(sh.run(`awk 'BEGIN { "echo hi; echo there" | getline a; "echo hi; echo there" | getline b; print a, b }'`).output).toBe('hi there\n');
    expect(sh.run(`awk 'BEGIN { print "b\\na" | "sort"; close("sort"); print "done" }'`).output).toBe('a\nb\ndone\n');
    expect(sh.run(`awk '{print $1, $2 | "sort -r"}' s.txt`).output).toBe('c 1\nb 2\nb 2\na 10\nA 3\n \n');
  });

  it('a syntax error answers as mawk does, status 2', () => {
    expect(shell().run("awk '{print $1' pods.yaml; echo \"[$?]\"").output).toBe('awk: line 2: missing } near end of file\n[2]\n');
  });
});

describe('inside containers', () => {
  const sh = () => createShell({ files: [{ name: 'p.yaml', text: `${podYaml('bb', { image: 'busybox:1.37' })}---\n${podYaml('deb', { image: 'debian:12' })}` }] });
  it('busybox wording in a busybox image', () => {
    const s = sh();
    expect(s.run('kubectl exec bb -- ls /nope').output).toBe('ls: /nope: No such file or directory\ncommand terminated with exit code 1\n');
    expect(s.run('kubectl exec bb -- head -n x /etc/hostname').output).toBe("head: invalid number 'x'\ncommand terminated with exit code 1\n");
    expect(s.run("kubectl exec bb -- sh -c 'grep -c root /etc/passwd'").output).toBe('1\n');
    expect(s.run('kubectl exec bb -- wc -l /etc/hostname').output).toBe('1 /etc/hostname\n');
    expect(s.run("kubectl exec bb -- sed -n '1s/:.*//p' /etc/passwd").output).toBe('root\n');
    expect(s.run("kubectl exec bb -- awk -F: 'NR == 1 {print $1}' /etc/passwd").output).toBe('root\n');
    expect(s.run("kubectl exec bb -- awk '{print $1' /etc/passwd").output).toBe('awk: cmd. line:2: Unexpected end of string\ncommand terminated with exit code 1\n');
    expect(s.run("kubectl exec bb -- sed k /etc/passwd").output).toBe('sed: unsupported command k\ncommand terminated with exit code 1\n');
  });
  it('GNU wording in a Debian image, in the C locale (no LANG there)', () => {
    const s = sh();
    expect(s.run('kubectl exec deb -- head -n x /etc/hostname').output).toBe("head: invalid number of lines: 'x'\ncommand terminated with exit code 1\n");
    expect(s.run('kubectl exec deb -- ls /nope').output).toBe("ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n");
    expect(s.run("kubectl exec deb -- sed -n '1s/:.*//p' /etc/passwd").output).toBe('root\n');
    // mawk is in Debian's and Ubuntu's base images (Priority: required), as /usr/bin/awk.
    expect(s.run("kubectl exec deb -- awk -F: 'NR == 1 {print $1}' /etc/passwd").output).toBe('root\n');
    expect(s.run("kubectl exec deb -- mawk '{print $1' /etc/passwd").output).toBe('mawk: line 2: missing } near end of file\ncommand terminated with exit code 2\n');
    expect(s.run('kubectl exec deb -- sed k /etc/passwd').output).toBe("sed: -e expression #1, char 1: unknown command: `k'\ncommand terminated with exit code 1\n");
  });
});

describe('programs run by watch and xargs', () => {
  it('watch ls: the command writes into a pipe, so one name per line', () => {
    const out = shell().run('watch ls').output.split('\n');
    expect(out.slice(2)).toEqual(['pods.yaml', 'secret.yaml', '']);
  });
});
