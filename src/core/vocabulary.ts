/**
 * Interned strings: every distinct string gets a small integer id, so matching
 * compares integers. One vocabulary per engine; ids are stable for its lifetime.
 * Id 0 is reserved for "no string".
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [''];

  constructor() {
    this.ids.set('', 0);
  }

  /** the id of `s`, adding it if new */
  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** the id of `s`, or 0 when it was never interned (nothing can match it) */
  lookup(s: string): number {
    return this.ids.get(s) ?? 0;
  }

  text(id: number): string {
    return this.strings[id] ?? '';
  }

  get size(): number {
    return this.strings.length;
  }
}
