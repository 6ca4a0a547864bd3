// How many cases each fuzz suite runs (fast-check numRuns), in one place: docs/reliability.md quotes these.
// All fuzz and fault suites together stay under ~1 minute on a 2-core machine.

/** Cases per question category; each sends /ask, /compare and Find sources over fixture passages. */
export const QUESTION_RUNS = 300;
/** Cases per question category through /ask over the real index of a few real documents. */
export const REAL_QUESTION_RUNS = 40;
/** Cases per reference category over fixture passages (each: /quote, /ask, two autocompletes). */
export const REFERENCE_RUNS = 300;
/** Cases per reference category over the real documents. */
export const REAL_REFERENCE_RUNS = 60;
/** Raw payloads per shape category over fixture passages. */
export const INTERACTION_RUNS = 1000;
/** Raw payloads per shape category over the real documents. */
export const REAL_INTERACTION_RUNS = 200;
/** Fuzzed malformed values per setting (token, public key, application id). */
export const CONFIG_RUNS = 300;
/** Fuzzed log records carrying a secret somewhere. */
export const LOG_RUNS = 300;
/** Expensive questions (6,000 characters, hundreds of terms) against the real index. */
export const EXPENSIVE_RUNS = 60;
