// Golden terminal transcripts of the exam's kubectl workflows (src/testing/transcripts/exam-*):
// imperative → file → edit → apply, here-doc apply, context switch, events after a failed pull,
// a rejected pod update, throwaway `kubectl run --rm` probes, pipes into grep/head/wc/base64.
// Each line of output is what kubectl v1.30 prints (the research notes /work/research/kubectl-*.md
// name the upstream function of every message; the unit tables beside this file cite them).
import { describe, expect, it } from 'vitest';
import { runTranscript, transcriptDirs } from '../../testing/transcript.js';

describe('kubectl exam transcripts', () => {
  it.each(transcriptDirs('exam-'))('%s', (dir) => {
    const { actual, expected, path } = runTranscript(dir);
    expect(expected, `missing ${path}: review the output, then write it with KSLAB_UPDATE_GOLDENS=1`).not.toBeNull();
    expect(actual).toBe(expected);
  });
});

// Pod Security Admission and RBAC at the terminal (psa-*, rbac-*): the engine's verdicts in
// kubectl's and the API server's words (psa.test.ts, auth.test.ts and rbac-objects.test.ts cite
// cani.go, whoami.go, create_role.go, create_rolebinding.go, create_token.go, rest/warnings.go).
describe('Pod Security Admission and RBAC transcripts', () => {
  it.each([...transcriptDirs('psa-'), ...transcriptDirs('rbac-')])('%s', (dir) => {
    const { actual, expected, path } = runTranscript(dir);
    expect(expected, `missing ${path}: review the output, then write it with KSLAB_UPDATE_GOLDENS=1`).not.toBeNull();
    expect(actual).toBe(expected);
  });
});
