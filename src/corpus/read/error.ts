// The one error readers throw: a sentence a person can act on (kept apart so readers and the reader
// table import it without importing each other).
export class ReadError extends Error {}
