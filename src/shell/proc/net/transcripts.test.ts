// Golden terminal transcripts of probing sessions (src/testing/transcripts/probe-*): the exam's way
// to prove a policy — probe, apply, probe again — through Services and cluster DNS.
import { describe, expect, it } from 'vitest';
import { runTranscript, transcriptDirs } from '../../../testing/transcript.js';

describe('probing transcripts', () => {
  it.each(transcriptDirs('probe-'))('%s', (dir) => {
    const { actual, expected, path } = runTranscript(dir);
    expect(expected, `missing ${path}: review the output, then write it with KSLAB_UPDATE_GOLDENS=1`).not.toBeNull();
    expect(actual).toBe(expected);
  });
});
