// Golden terminal transcripts of what a securityContext changes inside a container
// (src/testing/transcripts/inside-*): /proc/1/status (fs/proc/array.c), /proc/1/attr/current
// (AppArmor), unshare and mount under containerd's default seccomp and AppArmor profiles, and a
// read-only root file system beside an emptyDir. inside-container.test.ts cites the source of each
// line; this pins them together as a student would type them.
import { describe, expect, it } from 'vitest';
import { runTranscript, transcriptDirs } from '../../testing/transcript.js';

describe('inside-the-container transcripts', () => {
  it.each(transcriptDirs('inside-'))('%s', (dir) => {
    const { actual, expected, path } = runTranscript(dir);
    expect(expected, `missing ${path}: review the output, then write it with KSLAB_UPDATE_GOLDENS=1`).not.toBeNull();
    expect(actual).toBe(expected);
  });
});
