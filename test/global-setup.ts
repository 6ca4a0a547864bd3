// Nothing global yet: golden tests read the mirror directly (test/support/corpus.ts).
export default function setup(): void {}
