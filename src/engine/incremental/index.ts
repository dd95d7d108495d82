import { analyzeWith, newAnalysisMemo, type AnalysisMemo } from '../analyze.js';
import type { Analysis, SourceFile } from '../model/index.js';

/**
 * The lab's analysis on every edit (issue 11): the same Analysis as analyze() gives for the same
 * sources, computing again only what the edit can change. It keeps, between calls:
 *   - per file its text and parsed documents (an unchanged file is not parsed, nor read again), and
 *     per document of a changed file what its text read to (parse/kept.ts): an edit reads again only
 *     the documents whose text changed and places the others where they now are;
 *   - per document the object read from it, keyed by the document's value, which a re-parsed file
 *     hands back when the document's data did not change (a comment, spacing, another document);
 *   - per pod its container, security, Pod Security Standards and ServiceAccount reports, keyed by
 *     the pod's data and the cluster data they read (registries, Secrets, ServiceAccounts);
 *   - everything after parsing, reused whole when no document's data changed: then only the
 *     diagnostics' positions are found again.
 * Results are compared with cold analyses after random edits (incremental.test.ts, and on the
 * bench's generated clusters bench-cluster.test.ts).
 */
export class IncrementalAnalyzer {
  private readonly memo: AnalysisMemo = newAnalysisMemo();

  analyze(sources: readonly SourceFile[]): Analysis {
    return analyzeWith(sources, this.memo);
  }

  /** analyze as a plain function (for a caller that takes one, as the worker does). */
  readonly fn = (sources: readonly SourceFile[]): Analysis => this.analyze(sources);
}
