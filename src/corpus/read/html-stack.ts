// htmlparser2's Parser keeps its open elements (and its foreign-content flags) in arrays whose index 0 is
// the innermost element, pushing with `unshift` and popping with `shift`: both move the whole array, so a
// page nested n deep costs O(n²) (60,000 nested <div> took 19 s; a million never finished). A TopFirst
// stack offers the operations the Parser uses — `[0]`, `[i]`, `length`, `shift`, `unshift`, `indexOf`,
// `length = 0` — over an array kept the other way round, each in O(1) (`indexOf` in the distance to the
// element found, which the Parser then pops anyway). `fastParserStacks` installs them on a Parser; if a
// later htmlparser2 keeps its stacks differently, the Parser is left as it is (correct, only slower), and
// the depth test in test/unit/read-html.test.ts fails.
import type { Parser } from 'htmlparser2';

class TopFirst<T> {
  private readonly items: T[] = [];
  private readonly counts = new Map<T, number>();

  get length(): number {
    return this.items.length;
  }

  set length(n: number) {
    if (n !== 0) throw new Error('TopFirst stacks can only be emptied');
    this.items.length = 0;
    this.counts.clear();
  }

  at(indexFromTop: number): T | undefined {
    return this.items[this.items.length - 1 - indexFromTop];
  }

  shift(): T | undefined {
    const item = this.items.pop();
    if (item !== undefined) this.counts.set(item, (this.counts.get(item) ?? 1) - 1);
    return item;
  }

  unshift(item: T): number {
    this.items.push(item);
    this.counts.set(item, (this.counts.get(item) ?? 0) + 1);
    return this.items.length;
  }

  indexOf(item: T): number {
    if ((this.counts.get(item) ?? 0) === 0) return -1;
    return this.items.length - 1 - this.items.lastIndexOf(item);
  }
}

/** A TopFirst stack that also answers `stack[i]` (index 0 = innermost), as the Parser reads it. */
function topFirst<T>(initial: readonly T[]): TopFirst<T> {
  const stack = new TopFirst<T>();
  for (let i = initial.length - 1; i >= 0; i--) stack.unshift(initial[i]!);
  return new Proxy(stack, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) return target.at(Number(prop));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value, target);
    },
  });
}

export function fastParserStacks(parser: Parser): void {
  const internals = parser as unknown as { stack?: unknown; foreignContext?: unknown };
  if (!Array.isArray(internals.stack) || !Array.isArray(internals.foreignContext)) return;
  internals.stack = topFirst(internals.stack as string[]);
  internals.foreignContext = topFirst(internals.foreignContext as boolean[]);
}
