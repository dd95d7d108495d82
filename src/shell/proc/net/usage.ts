/**
 * BusyBox 1.37.0's usage texts (the official image's build banner), printed on stderr for a usage
 * error after the getopt message (research: busybox-net.md §1.6, §2, §3, §4, captured from a
 * 1.37.0 binary built like docker-library/busybox latest-1/glibc).
 */
export const BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\n';

export const USAGE: Readonly<Record<string, string>> = {
  wget: "Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form 'header: value') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t--no-check-certificate\tDon't validate the server's certificate\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n",
  nc: 'Usage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n\t-l\tListen mode, for inbound connects\n\t-lk\tWith -e, provides persistent server\n\t-p PORT\tLocal port\n\t-s ADDR\tLocal address\n\t-w SEC\tTimeout for connects and final net reads\n\t-i SEC\tDelay interval for lines sent\n\t-n\tDon\'t do DNS resolution\n\t-u\tUDP mode\n\t-b\tAllow broadcasts\n\t-v\tVerbose\n\t-o FILE\tHex dump traffic\n\t-z\tZero-I/O mode (scanning)\n',
  nslookup: 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n',
  ping: 'Usage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\tForce IP or IPv6 name resolution\n\t-c CNT\t\tSend only CNT pings\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)\n\t-i SECS\t\tInterval\n\t-A\t\tPing as soon as reply is received\n\t-t TTL\t\tSet TTL\n\t-I IFACE/IP\tSource interface or IP address\n\t-W SEC\t\tSeconds to wait for the first response (default 10)\n\t\t\t(after all -c CNT packets are sent)\n\t-w SEC\t\tSeconds until ping exits (default:infinite)\n\t\t\t(can exit earlier with -c CNT)\n\t-q\t\tQuiet, only display output at start/finish\n\t-p HEXBYTE\tPayload pattern\n',
};

export function usage(name: string): string {
  return `${BANNER}${USAGE[name] ?? ''}`;
}

/**
 * busybox getopt32 over argv: short options (grouped, with attached or separate values), the long
 * options an applet declares, `--`. Errors are getopt's: `invalid option -- 'x'`,
 * `unrecognized option '--x'`, `option requires an argument -- 'x'`.
 */
export interface OptSpec {
  /** Short letters; a value-taking one is followed by ':' (e.g. 'qO:T:'). */
  readonly short: string;
  /** Long names → the short letter they alias (or a name of their own), and whether they take a value. */
  readonly long?: Readonly<Record<string, { readonly key: string; readonly value: boolean }>>;
}

export type Opts = { ok: true; flags: Map<string, string[]>; args: string[] } | { ok: false; error: string };

export function getopt(argv: readonly string[], spec: OptSpec): Opts {
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  const takes = (c: string) => spec.short.includes(`${c}:`);
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') { args.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const def = spec.long?.[name];
      if (!def) return { ok: false, error: `unrecognized option '${a}'` };
      if (def.value) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return { ok: false, error: `option '--${name}' requires an argument` };
        add(def.key, v);
      } else add(def.key, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (!spec.short.includes(c) || c === ':') return { ok: false, error: `invalid option -- '${c}'` };
        if (takes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { ok: false, error: `option requires an argument -- '${c}'` };
          add(c, v);
          break;
        }
        add(c, '');
      }
      continue;
    }
    args.push(a);
  }
  return { ok: true, flags, args };
}

/** Prints `NAME: ERROR` and the usage, as busybox does; exit status 1. */
export function usageError(name: string, error: string | null, err: (s: string) => void): number {
  err(`${error !== null ? `${name}: ${error}\n` : ''}${usage(name)}`);
  return 1;
}
