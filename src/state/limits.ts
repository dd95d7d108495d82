/**
 * Bounds on what a stranger's link or zip can make the lab do, checked before any work starts
 * (README "Bounds"). A link or zip past one is refused with a message naming the bound; the
 * current work is kept. The graph's own bound (pods drawn) is in src/ui/graph/bound.ts.
 */
export const LIMITS = {
  /** Characters in a share link's hash (compressed): a link this long is refused unread. */
  linkChars: 2_000_000,
  /** Characters a link may decode to (its JSON); decompression stops as soon as it passes this. */
  linkDecodedChars: 4 * 1024 * 1024,
  /** Files (tabs) in a scenario from a link or a zip. */
  files: 100,
  /** Characters in a file name. */
  nameChars: 100,
  /** Entries in a zip's central directory (folders included), read before any entry. */
  zipEntries: 500,
  /** Bytes a zip's files may inflate to in total; inflating stops as soon as it passes this. */
  zipBytes: 4 * 1024 * 1024,
  /** Inflated bytes per compressed byte of an entry (a zip bomb's is in the thousands). */
  zipRatio: 100,
  /** Bytes of a zip file itself. */
  zipFileBytes: 16 * 1024 * 1024,
} as const;
