import { LAB_NOW } from '../../clock.js';
import type { Server } from './net.js';

/**
 * What the servers the lab knows send back to an HTTP request. Bytes from the images themselves
 * (research: nginx 1.27.4 `docs/html/index.html` and `ngx_http_special_response.c`, httpd 2.4
 * `docs/docroot/index.html`); redis answers the request line as an inline command; postgres closes
 * on a bad startup packet; mysql greets first (not HTTP). An image the lab does not know answers
 * with one plain line that says so.
 */
export const NGINX_VERSION = 'nginx/1.27.4';

export const NGINX_INDEX = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';

export const NGINX_50X = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n<p>If you are the system administrator of this resource then you should check\nthe error log for details.</p>\n<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n';

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/** nginx's generated error page (CRLF lines, the version in the tail). */
function nginxError(code: number, reason: string): string {
  return `<html>\r\n<head><title>${code} ${reason}</title></head>\r\n<body>\r\n<center><h1>${code} ${reason}</h1></center>\r\n<hr><center>${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD';
  readonly path: string;
  readonly host: string;
  readonly agent: string;
  /** busybox wget sends `Connection: close`; curl keeps HTTP/1.1 connections alive. */
  readonly close: boolean;
}

export type HttpReply =
  | { readonly kind: 'http'; readonly status: number; readonly reason: string; readonly headers: readonly (readonly [string, string])[]; readonly body: string }
  /** The first line the server sent, not HTTP (redis). */
  | { readonly kind: 'line'; readonly line: string }
  /** Not HTTP at all: a binary greeting (mysql). */
  | { readonly kind: 'garbage'; readonly bytes: string }
  /** The server closed without a byte (postgres on a bad startup packet). */
  | { readonly kind: 'empty' };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** RFC 1123 in GMT, as HTTP Date headers are written. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** When the image's html files were written: the nginx 1.27.4 release build (5 Feb 2025). */
const NGINX_MTIME = Date.UTC(2025, 1, 5, 11, 6, 32);

export function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function httpReply(server: Server, req: HttpRequest): HttpReply {
  const date = httpDate(LAB_NOW);
  const conn = req.close ? 'close' : 'keep-alive';
  const path = req.path.split('?')[0] ?? '/';
  switch (server.kind) {
    case 'nginx': {
      const file = path === '/' || path === '/index.html' ? NGINX_INDEX : path === '/50x.html' ? NGINX_50X : null;
      if (file === null) {
        const body = nginxError(404, 'Not Found');
        return { kind: 'http', status: 404, reason: 'Not Found', headers: [['Server', NGINX_VERSION], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(bytes(body))], ['Connection', conn]], body };
      }
      const etag = `"${Math.floor(NGINX_MTIME / 1000).toString(16)}-${bytes(file).toString(16)}"`;
      return {
        kind: 'http', status: 200, reason: 'OK', body: file,
        headers: [['Server', NGINX_VERSION], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(bytes(file))],
          ['Last-Modified', httpDate(NGINX_MTIME)], ['Connection', conn], ['ETag', etag], ['Accept-Ranges', 'bytes']],
      };
    }
    case 'httpd': {
      if (path === '/' || path === '/index.html') {
        return {
          kind: 'http', status: 200, reason: 'OK', body: HTTPD_INDEX,
          headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'], ['ETag', '"2d-432a5e4a73a80"'],
            ['Accept-Ranges', 'bytes'], ['Content-Length', '45'], ['Content-Type', 'text/html']],
        };
      }
      const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
      return { kind: 'http', status: 404, reason: 'Not Found', body, headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Content-Length', String(bytes(body))], ['Content-Type', 'text/html; charset=iso-8859-1']] };
    }
    case 'redis':
      // The request line is an inline command `GET / HTTP/1.1`: one argument too many for GET.
      return { kind: 'line', line: "-ERR wrong number of arguments for 'get' command" };
    case 'mysql':
      return { kind: 'garbage', bytes: 'J\u0000\u0000\u0000\n8.4.3\u0000' };
    case 'postgres':
      return { kind: 'empty' };
    case 'generic': {
      const body = `lab: ${server.pod ?? 'this host'}${server.image ? ` (image ${server.image})` : ''} accepted the connection on port ${server.port}/TCP. The lab does not know what this image serves, so it answers with this line.\n`;
      return { kind: 'http', status: 200, reason: 'OK', body, headers: [['Content-Type', 'text/plain'], ['Content-Length', String(bytes(body))], ['Date', date], ['Connection', conn]] };
    }
  }
}

/** nginx's `main` log_format line and httpd's `common` one, as `kubectl logs` will show them. */
export function accessLogLine(server: Server, clientIP: string, req: HttpRequest, reply: HttpReply): string | null {
  if (reply.kind !== 'http') return null;
  const d = new Date(LAB_NOW);
  const time = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  const sent = req.method === 'HEAD' ? 0 : bytes(reply.body);
  const request = `${req.method} ${req.path} HTTP/1.1`;
  if (server.kind === 'nginx') return `${clientIP} - - [${time}] "${request}" ${reply.status} ${sent} "-" "${req.agent}" "-"`;
  if (server.kind === 'httpd') return `${clientIP} - - [${time}] "${request}" ${reply.status} ${sent}`;
  return null;
}
