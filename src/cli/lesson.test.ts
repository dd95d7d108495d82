import { describe, expect, it } from 'vitest';
import { runLesson } from './lesson-adapter.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runLesson(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, readStdin: () => '' });
  return { code, out, err };
}

const LESSONS = ['image-security', 'docker-security', 'security-contexts', 'network-policy-basics', 'developing-network-policies', 'when-nothing-enforces',
  'pod-security-admission', 'rbac', 'service-account-tokens'];

describe('kslab lesson check', () => {
  it.each(LESSONS)('%s: start files fail (exit 1)', async (id) => {
    const r = await run('check', `lessons/${id}`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}FAIL {2}1\. /m);
    expect(r.out).toContain('(start files)');
  });

  it.each(LESSONS)('%s: the solution passes (exit 0)', async (id) => {
    const r = await run('check', `lessons/${id}`, '--solution');
    expect(r.out).not.toContain('FAIL');
    expect(r.code).toBe(0);
    expect(r.out).toContain('solution/ files pass the last step');
  });

  it('checks given files, with answers from --answer', async () => {
    const dir = 'lessons/network-policy-basics';
    const without = await run('check', dir, `${dir}/solution`);
    expect(without.out).toMatch(/FAIL {2}2\. direction/);
    const withAnswer = await run('check', dir, `${dir}/solution`, '--answer', 'direction=ingress');
    expect(withAnswer.out).toMatch(/PASS {2}2\. direction/);
  });

  it.each<[string, string[]]>([
    ['no subcommand', []],
    ['unknown subcommand', ['run', 'lessons/image-security']],
    ['no lesson', ['check']],
    ['unknown option', ['check', 'lessons/image-security', '--fast']],
    ['--answer without =', ['check', 'lessons/image-security', '--answer', 'resolve']],
    ['--solution with a PATH', ['check', 'lessons/image-security', '--solution', 'x.yaml']],
  ])('usage error: %s (exit 2)', async (_name, args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).not.toBe('');
  });

  it.each<[string, string[], string]>([
    ['missing lesson', ['check', 'lessons/none'], 'kslab lesson: lessons/none: no such file or directory\n'],
    ['missing PATH', ['check', 'lessons/image-security', 'no-such.yaml'], 'kslab lesson: no-such.yaml: no such file or directory\n'],
  ])('unreadable input: %s (exit 3, one line)', async (_name, args, err) => {
    expect(await run(...args)).toMatchObject({ code: 3, err });
  });
});
