// What waits for a program's first reach of a builtin module. Two preloads defer work this way, each catching the
// reach its own way: the overlay's (src/node/first-reach.ts, with its module hooks) and the kernel engine's recorder
// (src/recorder/when-reached.ts, which must not load the overlay's code).

type Work = () => void;

export class BuiltinWaits {
  /** Per builtin (without "node:"), what waits for it: several works may wait for one builtin, and each runs once. */
  private readonly waiting = new Map<string, Work[]>();

  /** `work` runs once, the first time any of `ids` (without "node:") is reached. */
  add(ids: readonly string[], work: Work): void {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      for (const id of ids) {
        const works = this.waiting.get(id)?.filter((w) => w !== once);
        if (works === undefined || works.length === 0) this.waiting.delete(id);
        else this.waiting.set(id, works);
      }
      work();
    };
    for (const id of ids) {
      const works = this.waiting.get(id);
      if (works === undefined) this.waiting.set(id, [once]);
      else works.push(once);
    }
  }

  /** A specifier was required, imported or asked for. Cheap while nothing waits: a Map lookup after. */
  reached(specifier: string): void {
    if (this.waiting.size === 0) return;
    const works = this.waiting.get(specifier.startsWith('node:') ? specifier.slice(5) : specifier);
    if (works !== undefined) for (const work of [...works]) work();
  }
}
