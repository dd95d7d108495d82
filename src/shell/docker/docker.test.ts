import { describe, expect, it } from 'vitest';
import { shellWith } from '../../testing/shell.js';
import { generateName } from './names.js';

describe('docker run: generated names (moby daemon/names.go generateAndReserveName)', () => {
  // moby internal/namesgenerator GetRandomName(retry) gives `adjective_surname`, with one digit
  // appended when retry > 0; generateAndReserveName tries i = 0..5, skipping a name already reserved,
  // then falls back to the short id. A generated name never conflicts.
  it('thirty detached containers in a row all start, each with its own name', () => {
    const sh = shellWith();
    for (let i = 0; i < 30; i++) {
      const r = sh.run('docker run -d ubuntu sleep 3600');
      expect(r.exitCode).toBe(0);
      expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    }
    const rows = sh.run('docker ps').output.trim().split('\n').slice(1).map((l) => l.split(/ {3,}/).pop());
    expect(rows).toHaveLength(30);
    expect(new Set(rows).size).toBe(30);
    for (const n of rows) expect(n).toMatch(/^[a-z]+_[a-z]+\d?$/);
  });
  it('a name taken on the first try is retried with a digit; six misses give the short id', () => {
    const id = 'f'.repeat(64);
    const first = generateName(id, () => false);
    expect(first).toMatch(/^[a-z]+_[a-z]+$/);
    expect(generateName(id, (n) => n === first)).toMatch(/^[a-z]+_[a-z]+\d$/);
    expect(generateName(id, () => true)).toBe('ffffffffffff');
  });
  // daemon/names.go reserveName: an explicit --name that is taken is a conflict.
  it('an explicit --name already in use is a Conflict (exit 125)', () => {
    const sh = shellWith();
    const id = sh.run('docker run -d --name web ubuntu sleep 3600').output.trim();
    const r = sh.run('docker run -d --name web ubuntu sleep 3600');
    expect(r.exitCode).toBe(125);
    expect(r.output).toBe(`docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`);
  });
});

describe('docker run/exec: flags end at the image (pflag SetInterspersed(false))', () => {
  // docker/cli cli/command/container/run.go NewRunCommand: flags.SetInterspersed(false); args[0] is
  // the image and args[1:] the container's command. So `-s` after the image is date's, not docker's.
  it('docker run ubuntu date -s … runs date with -s (no SYS_TIME: EPERM, the date still printed)', () => {
    const r = shellWith().run("docker run ubuntu date -s '19 APR 2012 11:14:00'");
    expect(r.output).toBe('date: cannot set date: Operation not permitted\nThu Apr 19 11:14:00 UTC 2012\n');
    expect(r.exitCode).toBe(1);
  });
  it('--cap-add SYS_TIME before the image is docker\'s; -s after it is date\'s', () => {
    const r = shellWith().run("docker run --cap-add SYS_TIME -u root ubuntu date -s '19 APR 2012 11:14:00'");
    expect(r.output).toBe('Thu Apr 19 11:14:00 UTC 2012\n');
    expect(r.exitCode).toBe(0);
  });
  it('a grouped shorthand with a value (-itu 1000) takes the next word, then the image', () => {
    const sh = shellWith();
    expect(sh.run('docker run -d --name s ubuntu sleep 3600').exitCode).toBe(0);
    expect(sh.run('docker exec -u 1000 s id -u').output).toBe('1000\n');
    expect(sh.run('docker exec -itu 1000 s whoami').output).toBe('ubuntu\n');
    // An unknown flag before the image is still an error, in pflag's words.
    expect(sh.run('docker run -s ubuntu date').output).toBe("unknown shorthand flag: 's' in -s\nSee 'docker run --help'.\n");
  });
});

describe('docker pull / run of an image that cannot be pulled (issue 17)', () => {
  // docker/cli create.go: `Unable to find image '%s' locally` (FamiliarString of TagNameOnly), then
  // the daemon's error as `docker: Error response from daemon: %s.` + `See 'docker run --help'.`, exit
  // 125; moby distribution/errors.go `manifest for %s not found: %v` (errcode `manifest unknown:
  // manifest unknown`); the registry ping `Get "https://HOST/v2/"` and Go's DNS error.
  it('a registry typo: the daemon cannot look the host up', () => {
    const r = shellWith().run('docker run -d docker.i0/library/ubuntu sleep 3600');
    expect(r.output).toBe(`Unable to find image 'docker.i0/library/ubuntu:latest' locally\ndocker: Error response from daemon: Get "https://docker.i0/v2/": dial tcp: lookup docker.i0 on 127.0.0.53:53: no such host.\nSee 'docker run --help'.\n`);
    expect(r.exitCode).toBe(125);
  });
  it('a tag typo on Docker Hub: manifest unknown; nothing runs', () => {
    const sh = shellWith();
    const r = sh.run('docker run -d ubuntu:24.4 sleep 3600');
    expect(r.output).toBe("Unable to find image 'ubuntu:24.4' locally\ndocker: Error response from daemon: manifest for ubuntu:24.4 not found: manifest unknown: manifest unknown.\nSee 'docker run --help'.\n");
    expect(r.exitCode).toBe(125);
    expect(sh.run('docker ps -a -q').output).toBe('');
  });
  it('docker pull: the default tag, the progress, the full name; errors without docker: (exit 1)', () => {
    const sh = shellWith();
    const ok = sh.run('docker pull nginx');
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    const bad = sh.run('docker pull nginx:lates');
    expect(bad.output).toBe('Error response from daemon: manifest for nginx:lates not found: manifest unknown: manifest unknown\n');
    expect(bad.exitCode).toBe(1);
    expect(sh.run('docker pull ghrc.io/org/tool:1').output).toBe('Error response from daemon: Get "https://ghrc.io/v2/": dial tcp: lookup ghrc.io on 127.0.0.53:53: no such host\n');
  });
  it('a misspelled official image: Docker Hub denies access rather than say it does not exist', () => {
    // moby daemon/internal/distribution/errors.go notFoundError: ErrorCodeDenied wrapped as `pull
    // access denied for %s, repository does not exist or may require 'docker login'` with
    // reference.FamiliarName (no tag); Docker Hub's errcode text `denied: requested access to the
    // resource is denied`.
    const sh = shellWith();
    const r = sh.run('docker run -d ngnix');
    expect(r.output).toBe("Unable to find image 'ngnix:latest' locally\ndocker: Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.\n");
    expect(r.exitCode).toBe(125);
    expect(sh.run('docker pull ubunut:24.04').output).toBe("Error response from daemon: pull access denied for ubunut, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    // A user's repository may exist: the lab cannot know, so it pulls.
    expect(sh.run('docker pull kodekloud/webapp-color').exitCode).toBe(0);
  });
  it('an image built here is not pulled', () => {
    const sh = shellWith({ name: 'Dockerfile', text: 'FROM ubuntu\nUSER 1000\n' });
    expect(sh.run('docker build -t my.typo/app:1 .').exitCode).toBe(0);
    expect(sh.run('docker run my.typo/app:1 id -u').output).toBe('1000\n');
  });
});

describe('date -s without CAP_SYS_TIME: coreutils and busybox word it differently', () => {
  // coreutils src/date.c: error (0, errno, _("cannot set date")), the date still shown, exit 1;
  // busybox coreutils/date.c (1.36): bb_simple_perror_msg("can't set date"), then the date, EXIT_SUCCESS.
  it('busybox: can\'t set date, exit 0', () => {
    const r = shellWith().run("docker run busybox date -s '2012-04-19 11:14:00'");
    expect(r.output).toBe("date: can't set date: Operation not permitted\nThu Apr 19 11:14:00 UTC 2012\n");
    expect(r.exitCode).toBe(0);
  });
  it('busybox with --cap-add SYS_TIME sets it', () => {
    const r = shellWith().run("docker run --cap-add SYS_TIME busybox date -s '2012-04-19 11:14:00'");
    expect(r.output).toBe('Thu Apr 19 11:14:00 UTC 2012\n');
    expect(r.exitCode).toBe(0);
  });
});
