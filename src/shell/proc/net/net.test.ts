// Each row is a capture from the real tool (research notes busybox-net.md, curl.md: BusyBox
// 1.37.0 built like the official image, curl 7.88.1 of Debian bookworm, glibc 2.36 getent), in
// the same stand-in cluster: pod 10.244.1.5 in `prod`, web-svc → 10.96.12.34 (nginx:80),
// dead-svc → 10.96.99.99 (packets dropped), closed-svc → 10.96.50.50 (nothing listening),
// db-headless → three pod IPs, ext-svc → CNAME api.example.com, `foo` → NXDOMAIN.
import { describe, expect, it } from 'vitest';
import { Ctx, normalizeRuntime } from '../../context.js';
import { containerSystem } from '../../sh/container.js';
import { normalizeImage } from '../../../engine/image/reference/index.js';
import { CAPABILITIES } from '../../caps.js';
import type { Answer, Connect, Lookup, Net } from './net.js';
import { NET_TOOLS } from './index.js';
import { NGINX_INDEX } from './http.js';

const SEARCH = ['prod.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
const NAMES: Readonly<Record<string, readonly string[]>> = {
  'web-svc.prod.svc.cluster.local': ['10.96.12.34'],
  'dead-svc.prod.svc.cluster.local': ['10.96.99.99'],
  'closed-svc.prod.svc.cluster.local': ['10.96.50.50'],
  'db-headless.prod.svc.cluster.local': ['10.244.1.10', '10.244.2.11', '10.244.3.12'],
  'kubernetes.default.svc.cluster.local': ['10.96.0.1'],
};

function fakeNet(dnsBlocked = false): Net {
  const candidates = (host: string) => (host.endsWith('.') ? [host.slice(0, -1)] : host.split('.').length - 1 < 5 ? [...SEARCH.map((d) => `${host}.${d}`), host] : [host]);
  return {
    clientIP: '10.244.1.5', search: SEARCH, nameserver: '10.96.0.10',
    lookup(host): Lookup {
      if (dnsBlocked) return { kind: 'timeout' };
      for (const c of candidates(host)) { const a = NAMES[c]; if (a) return { kind: 'ok', fqdn: c, addresses: a }; }
      return { kind: 'nxdomain' };
    },
    query(name, type): Answer | 'timeout' {
      if (dnsBlocked) return 'timeout';
      if (type === 'PTR') return name === '34.12.96.10.in-addr.arpa' ? { rcode: 'NOERROR', authoritative: true, records: [{ type: 'PTR', name, target: 'web-svc.prod.svc.cluster.local' }] } : { rcode: 'NXDOMAIN' };
      const a = NAMES[name];
      if (!a) return { rcode: 'NXDOMAIN' };
      return { rcode: 'NOERROR', authoritative: true, records: type === 'A' ? a.map((address) => ({ type: 'A', name, address })) : [] };
    },
    connect(address, port): Connect {
      if (address === '10.96.99.99') return { kind: 'timeout' };
      if (address === '10.96.12.34' && port === 80) return { kind: 'open', server: { kind: 'nginx', pod: 'prod/web', container: 'nginx', image: 'nginx', port: 80 } };
      return { kind: 'refused' };
    },
    ping: (address) => address !== '10.244.2.20' && !address.startsWith('10.96.'),
  };
}

function run(line: string[], opts: { tty?: boolean; dnsBlocked?: boolean; image?: string; caps?: readonly string[] } = {}) {
  const ctx = new Ctx([], normalizeRuntime({}));
  const r = normalizeImage(opts.image ?? 'busybox');
  ctx.sys = containerSystem(ctx, {
    key: 'pod:prod/client/c',
    proc: { hostname: 'client', uid: 0, gid: 0, groups: [], passwd: [{ name: 'root', uid: 0, gid: 0 }], bounding: CAPABILITIES, effective: opts.caps ?? CAPABILITIES, pid1: ['sleep', '3600'], env: [], clockKey: 'c', tty: false, noNewPrivs: false, seccomp: 0 },
    image: r.ok ? r.ref : null, extra: new Map(), mounts: [], readOnlyRoot: false, env: {},
    net: () => fakeNet(opts.dnsBlocked),
  });
  ctx.cwd = '/';
  const tty = opts.tty ?? false;
  ctx.tty = { in: tty, out: tty, err: tty };
  const prog = NET_TOOLS[line[0] as string];
  const code = prog ? prog(line, ctx) : -1;
  const pick = (fd: 1 | 2) => ctx.out.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
  return { stdout: pick(1), stderr: pick(2), code, ctx };
}

type Row = [line: string, stdout: string, stderr: string, code: number];
const cmd = (s: string) => s.split(' ');

describe('busybox wget 1.37.0 (networking/wget.c; research busybox-net.md §1)', () => {
  it.each<Row>([
    ['wget -qO- http://web-svc/', NGINX_INDEX, '', 0],
    ['wget -O- http://web-svc/', NGINX_INDEX, 'Connecting to web-svc (10.96.12.34:80)\nwriting to stdout\n-                    100% |********************************|   615  0:00:00 ETA\nwritten to stdout\n', 0],
    ['wget -qO- web-svc', NGINX_INDEX, '', 0],
    ['wget -T 2 http://dead-svc/', '', 'Connecting to dead-svc (10.96.99.99:80)\nwget: download timed out\n', 1],
    ['wget -qO- -T 2 http://dead-svc/', '', 'wget: download timed out\n', 1],
    ['wget --timeout=2 -O- http://10.96.99.99:8080/', '', 'Connecting to 10.96.99.99:8080 (10.96.99.99:8080)\nwget: download timed out\n', 1],
    ['wget -qO- http://dead-svc/', '', "wget: can't connect to remote host (10.96.99.99): Connection timed out\n", 1],
    ['wget -O- http://closed-svc/', '', "Connecting to closed-svc (10.96.50.50:80)\nwget: can't connect to remote host (10.96.50.50): Connection refused\n", 1],
    ['wget -qO- http://foo/', '', "wget: bad address 'foo'\n", 1],
    ['wget -O- http://foo/', '', "wget: bad address 'foo'\n", 1],
    ['wget -qO- http://nothere.prod.svc.cluster.local:80/healthz', '', "wget: bad address 'nothere.prod.svc.cluster.local:80'\n", 1],
    ['wget -qO- foo://x', '', 'wget: not an http or ftp url: foo://x\n', 1],
    ['wget http://', '', "wget: bad address ''\n", 1],
    ['wget -qO- http://web-svc:70000/', '', "wget: bad port '70000'\n", 1],
    ['wget -qO- http://web-svc:abc/', '', "wget: bad port 'abc'\n", 1],
    ['wget -qO- http://web-svc:0/', '', "wget: can't connect to remote host (10.96.12.34): Connection refused\n", 1],
    ['wget -qO- https://web-svc/', '', "wget: can't connect to remote host (10.96.12.34): Connection refused\n", 1],
    ['wget -qO- http://web-svc/missing', '', 'wget: server returned error: HTTP/1.1 404 Not Found\n', 1],
    ['wget -O- http://web-svc/missing', '', 'Connecting to web-svc (10.96.12.34:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n', 1],
    ['wget --spider http://web-svc/', '', 'Connecting to web-svc (10.96.12.34:80)\nremote file exists\n', 0],
    ['wget -q --spider http://web-svc/', '', '', 0],
    ['wget -q --spider http://web-svc/missing', '', 'wget: server returned error: HTTP/1.1 404 Not Found\n', 1],
  ])('%s', (line, stdout, stderr, code) => {
    expect(run(cmd(line))).toMatchObject({ stdout, stderr, code });
  });

  it('usage errors print the getopt message and the whole usage on stderr, exit 1', () => {
    const r = run(cmd('wget -x http://web-svc/'));
    expect(r.stderr.startsWith("wget: invalid option -- 'x'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS]")).toBe(true);
    expect(run(cmd('wget --foo http://web-svc/')).stderr.startsWith("wget: unrecognized option '--foo'\nBusyBox")).toBe(true);
    expect(run(['wget'])).toMatchObject({ code: 1, stdout: '' });
    expect(run(['wget']).stderr.startsWith('BusyBox v1.37.0')).toBe(true);
  });

  it('saves index.html (and refuses to overwrite it), logging the request as nginx does', () => {
    const r = run(cmd('wget http://web-svc/'));
    expect(r.stderr).toBe("Connecting to web-svc (10.96.12.34:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n");
    expect(r.ctx.sys.fs.read('/index.html')).toBe(NGINX_INDEX);
    expect(r.ctx.runtime.logs['prod/web/nginx']).toEqual(['10.244.1.5 - - [20/May/2024:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"']);
    const again = NET_TOOLS['wget']?.(cmd('wget http://web-svc/'), r.ctx);
    expect(again).toBe(1);
    expect(r.ctx.out.text().endsWith("wget: can't open 'index.html': File exists\n")).toBe(true);
  });

  it('DNS dropped by a policy: bad address (the -T timeout does not cover the lookup)', () => {
    expect(run(cmd('wget -qO- -T 2 http://web-svc/'), { dnsBlocked: true })).toMatchObject({ stderr: "wget: bad address 'web-svc'\n", code: 1 });
  });
});

describe('busybox nc 1.37.0 (nc_bloaty.c; research busybox-net.md §2)', () => {
  it.each<Row>([
    ['nc -zv web-svc 80', '', 'web-svc (10.96.12.34:80) open\n', 0],
    ['nc -z web-svc 80', '', '', 0],
    ['nc -zv 10.96.12.34 80', '', '10.96.12.34 (10.96.12.34:80) open\n', 0],
    ['nc -zv -w 2 dead-svc 80', '', 'nc: dead-svc (10.96.99.99:80): Connection timed out\n', 1],
    ['nc -zvw 2 dead-svc 80', '', 'nc: dead-svc (10.96.99.99:80): Connection timed out\n', 1],
    ['nc -z -w 2 dead-svc 80', '', '', 1],
    ['nc -zv -w 2 closed-svc 80', '', '', 1],
    ['nc -zvv closed-svc 80', '', 'nc: closed-svc (10.96.50.50:80): Connection refused\nsent 0, rcvd 0\n', 1],
    ['nc -zvv web-svc 80', '', 'web-svc (10.96.12.34:80) open\nsent 0, rcvd 0\n', 0],
    ['nc -vz foo 80', '', "nc: bad address 'foo'\n", 1],
    ['nc -z foo 80', '', "nc: bad address 'foo'\n", 1],
    ['nc -zv web-svc 70000', '', "nc: bad port '70000'\n", 1],
    ['nc -zv web-svc http', '', "nc: bad port 'http'\n", 1],
    ['nc -zv web-svc 79-81', '', "nc: bad port '79-81'\n", 1],
    ['nc -zv web-svc', '', '', 1],
    ['nc -zvu -w 2 dead-svc 53', '', 'dead-svc (10.96.99.99:53) open\n', 0],
    ['nc -zvu web-svc 53', '', '', 1],
  ])('%s', (line, stdout, stderr, code) => {
    expect(run(cmd(line))).toMatchObject({ stdout, stderr, code });
  });
});

describe('busybox nslookup 1.37.0 (nslookup.c; research busybox-net.md §3)', () => {
  const HEAD = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
  it.each<Row>([
    ['nslookup web-svc', `${HEAD}Name:\tweb-svc.prod.svc.cluster.local\nAddress: 10.96.12.34\n\n** server can't find web-svc.svc.cluster.local: NXDOMAIN\n\n** server can't find web-svc.cluster.local: NXDOMAIN\n\n\n** server can't find web-svc.svc.cluster.local: NXDOMAIN\n\n** server can't find web-svc.cluster.local: NXDOMAIN\n\n`, '', 1],
    ['nslookup web-svc.prod.svc.cluster.local', `${HEAD}Name:\tweb-svc.prod.svc.cluster.local\nAddress: 10.96.12.34\n\n\n`, '', 0],
    ['nslookup web-svc.prod.svc.cluster.local.', `${HEAD}Name:\tweb-svc.prod.svc.cluster.local\nAddress: 10.96.12.34\n\n\n`, '', 0],
    ['nslookup web-svc.prod', `${HEAD}** server can't find web-svc.prod: NXDOMAIN\n\n** server can't find web-svc.prod: NXDOMAIN\n\n`, '', 1],
    ['nslookup db-headless.prod.svc.cluster.local', `${HEAD}Name:\tdb-headless.prod.svc.cluster.local\nAddress: 10.244.1.10\nName:\tdb-headless.prod.svc.cluster.local\nAddress: 10.244.2.11\nName:\tdb-headless.prod.svc.cluster.local\nAddress: 10.244.3.12\n\n\n`, '', 0],
    ['nslookup 10.96.12.34', `${HEAD}34.12.96.10.in-addr.arpa\tname = web-svc.prod.svc.cluster.local\n\n`, '', 0],
    ['nslookup -type=a web-svc', `${HEAD}Name:\tweb-svc.prod.svc.cluster.local\nAddress: 10.96.12.34\n\n** server can't find web-svc.svc.cluster.local: NXDOMAIN\n\n** server can't find web-svc.cluster.local: NXDOMAIN\n\n`, '', 1],
    ['nslookup -type=xyz web-svc', '', 'nslookup: invalid query type "xyz"\n', 1],
    ['nslookup web-svc 10.96.0.10', `${HEAD}** server can't find web-svc: NXDOMAIN\n\n** server can't find web-svc: NXDOMAIN\n\n`, '', 1],
  ])('%s', (line, stdout, stderr, code) => {
    expect(run(cmd(line))).toMatchObject({ stdout, stderr, code });
  });

  it('the cluster DNS unreachable (a policy drops it): the timeout line, on stdout', () => {
    expect(run(cmd('nslookup web-svc'), { dnsBlocked: true })).toMatchObject({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', code: 1 });
  });
});

describe('busybox ping 1.37.0 (ping.c; research busybox-net.md §4)', () => {
  it('no reply: the statistics with 100% loss, exit 1', () => {
    expect(run(cmd('ping -c 1 -W 1 10.244.2.20'))).toMatchObject({ stdout: 'PING 10.244.2.20 (10.244.2.20): 56 data bytes\n\n--- 10.244.2.20 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n', code: 1 });
  });
  it('a reply: one line per packet and the round-trip summary', () => {
    const r = run(cmd('ping -c 2 10.244.1.10'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PING 10\.244\.1\.10 \(10\.244\.1\.10\): 56 data bytes\n64 bytes from 10\.244\.1\.10: seq=0 ttl=64 time=\d\.\d{3} ms\n64 bytes from 10\.244\.1\.10: seq=1 ttl=64 time=\d\.\d{3} ms\n\n--- 10\.244\.1\.10 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = \d\.\d{3}\/\d\.\d{3}\/\d\.\d{3} ms\n$/);
  });
  it('bad address; CAP_NET_RAW dropped (ping.c:226, libbb/messages.c)', () => {
    expect(run(cmd('ping -c 1 foo'))).toMatchObject({ stdout: '', stderr: "ping: bad address 'foo'\n", code: 1 });
    expect(run(cmd('ping -c 1 10.244.1.10'), { caps: [] })).toMatchObject({ stdout: 'PING 10.244.1.10 (10.244.1.10): 56 data bytes\n', stderr: 'ping: permission denied (are you root?)\n', code: 1 });
  });
});

describe('curl 7.88.1 (research curl.md)', () => {
  const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
  const Z = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
  it.each<Row>([
    ['curl -s http://web-svc/', NGINX_INDEX, '', 0],
    ['curl -sS -o /dev/null -w %{http_code} http://web-svc/', '200', '', 0],
    ['curl -s -o /dev/null -w %{http_code}\\n http://web-svc/missing', '404\n', '', 0],
    ['curl -sS -m 2 http://dead-svc/', '', 'curl: (28) Connection timed out after 2001 milliseconds\n', 28],
    ['curl -m 2 http://dead-svc/', '', `${METER}${Z}\r  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0\r  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0\ncurl: (28) Connection timed out after 2001 milliseconds\n`, 28],
    ['curl -sS --connect-timeout 2 http://dead-svc/', '', 'curl: (28) Failed to connect to dead-svc port 80 after 2001 ms: Timeout was reached\n', 28],
    ['curl -s --connect-timeout 2 http://dead-svc/', '', '', 28],
    ['curl -s -o /dev/null -w %{http_code} -m 2 http://dead-svc/', '000', '', 28],
    ['curl -sS http://dead-svc/', '', "curl: (28) Failed to connect to dead-svc port 80 after 133694 ms: Couldn't connect to server\n", 28],
    ['curl -sS http://closed-svc/', '', "curl: (7) Failed to connect to closed-svc port 80 after 0 ms: Couldn't connect to server\n", 7],
    ['curl -s http://closed-svc/', '', '', 7],
    ['curl -s -o /dev/null -w %{http_code} http://closed-svc/', '000', '', 7],
    ['curl http://foo/', '', `${METER}${Z}curl: (6) Could not resolve host: foo\n`, 6],
    ['curl -sS http://foo/', '', 'curl: (6) Could not resolve host: foo\n', 6],
    ['curl http://', '', 'curl: (3) URL using bad/illegal format or missing URL\n', 3],
    ['curl foo://x', '', 'curl: (1) Protocol "foo" not supported or disabled in libcurl\n', 1],
    ['curl -s foo://x', '', '', 1],
    ['curl http://web-svc:70000/', '', 'curl: (3) URL using bad/illegal format or missing URL\n', 3],
    ['curl http://web-svc:abc/', '', 'curl: (3) URL using bad/illegal format or missing URL\n', 3],
    ['curl -sSf http://web-svc/missing', '', 'curl: (22) The requested URL returned error: 404\n', 22],
    ['curl -sf http://web-svc/missing', '', '', 22],
    ['curl --foo', '', "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -Q', '', "curl: option -Q: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl', '', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -s', '', "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -w', '', "curl: option -w: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ['curl -m abc http://web-svc/', '', "curl: option -m: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
  ])('%s', (line, stdout, stderr, code) => {
    expect(run(cmd(line), { image: 'nginx' })).toMatchObject({ stdout, stderr, code });
  });

  it('-I prints nginx 1.27.4\'s headers (CRLF), in its order', () => {
    const r = run(cmd('curl -sI http://web-svc/'), { image: 'nginx' });
    expect(r.stdout).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\nDate: Mon, 20 May 2024 09:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Wed, 05 Feb 2025 11:06:32 GMT\r\nConnection: keep-alive\r\nETag: "67a34638-267"\r\nAccept-Ranges: bytes\r\n\r\n');
  });

  it('on a terminal (`kubectl exec -it`), no meter: just the error', () => {
    expect(run(cmd('curl -m 2 http://dead-svc/'), { image: 'nginx', tty: true })).toMatchObject({ stdout: '', stderr: 'curl: (28) Connection timed out after 2001 milliseconds\n' });
    expect(run(cmd('curl http://web-svc/'), { image: 'nginx', tty: true })).toMatchObject({ stdout: NGINX_INDEX, stderr: '' });
  });

  it('DNS dropped by a policy: could not resolve, or the -m timeout while resolving', () => {
    expect(run(cmd('curl -sS http://web-svc/'), { image: 'nginx', dnsBlocked: true })).toMatchObject({ stderr: 'curl: (6) Could not resolve host: web-svc\n', code: 6 });
    expect(run(cmd('curl -sS -m 2 http://web-svc/'), { image: 'nginx', dnsBlocked: true })).toMatchObject({ stderr: 'curl: (28) Resolving timed out after 2001 milliseconds\n', code: 28 });
  });
});

describe('glibc getent hosts (nss/getent.c print_hosts; research curl.md §6)', () => {
  it.each<Row>([
    ['getent hosts web-svc', '10.96.12.34     web-svc.prod.svc.cluster.local\n', '', 0],
    ['getent hosts web-svc.prod', '10.96.12.34     web-svc.prod.svc.cluster.local\n', '', 0],
    ['getent hosts kubernetes.default', '10.96.0.1       kubernetes.default.svc.cluster.local\n', '', 0],
    ['getent hosts db-headless', '10.244.1.10     db-headless.prod.svc.cluster.local\n10.244.2.11     db-headless.prod.svc.cluster.local\n10.244.3.12     db-headless.prod.svc.cluster.local\n', '', 0],
    ['getent ahostsv4 db-headless', '10.244.1.10     STREAM db-headless.prod.svc.cluster.local\n10.244.1.10     DGRAM  \n10.244.1.10     RAW    \n10.244.2.11     STREAM \n10.244.2.11     DGRAM  \n10.244.2.11     RAW    \n10.244.3.12     STREAM \n10.244.3.12     DGRAM  \n10.244.3.12     RAW    \n', '', 0],
    ['getent hosts nothere', '', '', 2],
    // An address is looked up backwards (gethostbyaddr → PTR); none: not found.
    ['getent hosts 10.96.12.34', '10.96.12.34     web-svc.prod.svc.cluster.local\n', '', 0],
    ['getent hosts 192.168.5.10', '', '', 2],
  ])('%s', (line, stdout, stderr, code) => {
    expect(run(cmd(line), { image: 'nginx' })).toMatchObject({ stdout, stderr, code });
  });
});
