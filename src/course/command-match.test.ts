import { describe, expect, it } from 'vitest';
import { matchesPattern, tokenize } from './command-match.js';

const words = (text: string) => ({ kind: 'words', text }) as const;

describe('tokenize', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['k get   pods', ['kubectl', 'get', 'pods']],
    [`kubectl exec p -- date -s '19 APR 2012 11:14:00'`, ['kubectl', 'exec', 'p', '--', 'date', '-s', '19 APR 2012 11:14:00']],
    ['echo "a \\"b\\""', ['echo', 'a "b"']],
    ['echo a\\ b ""', ['echo', 'a b', '']],
  ])('%s', (line, expected) => expect(tokenize(line)).toEqual(expected));
});

describe('matchesPattern', () => {
  const SECRET = 'kubectl create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com:5000 --docker-username=dock_user';
  it.each<[string, string, boolean]>([
    [SECRET, SECRET, true],
    [SECRET, 'k create secret docker-registry private-reg-cred --docker-username dock_user --docker-server myprivateregistry.com:5000', true],
    [SECRET, 'kubectl create secret docker-registry private-reg-cred --docker-server=myprivateregistry.com --docker-username=dock_user', false],
    [SECRET, 'kubectl create secret generic private-reg-cred --docker-server=myprivateregistry.com:5000 --docker-username=dock_user', false],
    ['docker run --user=1000 ubuntu sleep 3600', 'docker run --user 1000 ubuntu sleep 3600', true],
    ['docker run --user=1000 ubuntu sleep 3600', 'docker run -d --user=1000 --name x ubuntu sleep 3600', true],
    ['docker run --user=1000 ubuntu sleep 3600', 'docker run ubuntu sleep 3600', false],
    ['docker run --privileged ubuntu', 'docker run --privileged ubuntu', true],
    ['docker run --privileged ubuntu', 'docker run ubuntu', false],
    ['docker run ubuntu sleep 3600', 'docker run sleep 3600 ubuntu', false],
    // The program must be the first word: `ps aux` on the host is not `docker exec … ps aux`.
    ['ps aux', 'docker exec sleeper ps aux', false],
    ['docker exec ps aux', 'docker exec sleeper ps aux', true],
    ['kubectl exec ubuntu-sleeper -- whoami', 'kubectl exec -it ubuntu-sleeper -- whoami', true],
    ['kubectl exec ubuntu-sleeper -- whoami', 'kubectl exec ubuntu-sleeper whoami', false],
    ['kubectl get netpol', 'kubectl get netpol -A', true],
  ])('%s ~ %s', (pattern, line, expected) => expect(matchesPattern(words(pattern), line)).toBe(expected));

  it('regex patterns see the normalized line', () => {
    expect(matchesPattern({ kind: 'regex', source: '^kubectl get (netpol|networkpolic(y|ies))\\b' }, 'k  get networkpolicies')).toBe(true);
    expect(matchesPattern({ kind: 'regex', source: '^kubectl get netpol$' }, 'kubectl get pods')).toBe(false);
  });
});
