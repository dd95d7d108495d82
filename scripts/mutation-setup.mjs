// Setup file of vitest.mutation.config.mjs: property tests run a handful of cases per mutant.
// Under mutation the unit tables are what should kill most mutants; a property test's 25–500 cases
// would otherwise run again for every mutant it covers. Tests that read KSLAB_PROPERTY_RUNS (the law
// tests: oracle, agreement, invariants, incremental, laws; image and security properties) take it
// from here; any fc.assert without an explicit numRuns takes fast-check's global default.
// KSLAB_MUTATION_PROPERTY_RUNS changes the count (default 3: the agreement and oracle properties
// still take 1–3 s each at that count on generated clusters).
import fc from 'fast-check';

const runs = Number(process.env.KSLAB_MUTATION_PROPERTY_RUNS ?? '') || 3;
process.env.KSLAB_PROPERTY_RUNS = String(runs);
fc.configureGlobal({ numRuns: runs });
