// Aho–Corasick automaton over UTF-16 code units. It reports every occurrence of every keyword,
// overlapping ones included ("tối mật" yields both "tối mật" and "mật"), in one pass over the text.
// Written here rather than taken from npm because the engine needs payloads (rule ids) on
// outputs and runs it on every fragment: it is ~70 lines and allocation-free while searching.

export type KeywordHit<T> = { keyword: string; start: number; end: number; payload: T };

type Node = { next: Map<number, number>; fail: number; outputs: number[] };

export class AhoCorasick<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, outputs: [] }];
  private readonly keywords: { keyword: string; payload: T }[] = [];

  constructor(entries: Iterable<{ keyword: string; payload: T }>) {
    for (const entry of entries) this.add(entry.keyword, entry.payload);
    this.build();
  }

  private add(keyword: string, payload: T): void {
    if (keyword.length === 0) throw new Error('Aho–Corasick: empty keyword');
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      const node = this.nodes[state] as Node;
      let next = node.next.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, outputs: [] });
        node.next.set(code, next);
      }
      state = next;
    }
    (this.nodes[state] as Node).outputs.push(this.keywords.length);
    this.keywords.push({ keyword, payload });
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of (this.nodes[0] as Node).next.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const node = this.nodes[state] as Node;
      for (const [code, child] of node.next) {
        queue.push(child);
        let fail = node.fail;
        while (fail !== 0 && !(this.nodes[fail] as Node).next.has(code)) fail = (this.nodes[fail] as Node).fail;
        const target = (this.nodes[fail] as Node).next.get(code);
        const childNode = this.nodes[child] as Node;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.outputs.push(...(this.nodes[childNode.fail] as Node).outputs);
      }
    }
  }

  /** Every keyword occurrence in `text`, overlapping matches included, ordered by end offset. */
  findAll(text: string): KeywordHit<T>[] {
    const hits: KeywordHit<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !(this.nodes[state] as Node).next.has(code)) state = (this.nodes[state] as Node).fail;
      state = (this.nodes[state] as Node).next.get(code) ?? 0;
      for (const index of (this.nodes[state] as Node).outputs) {
        const { keyword, payload } = this.keywords[index] as { keyword: string; payload: T };
        hits.push({ keyword, start: i + 1 - keyword.length, end: i + 1, payload });
      }
    }
    return hits;
  }

  /** Whether any keyword occurs: stops at the first one. */
  hasAny(text: string): boolean {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !(this.nodes[state] as Node).next.has(code)) state = (this.nodes[state] as Node).fail;
      state = (this.nodes[state] as Node).next.get(code) ?? 0;
      if ((this.nodes[state] as Node).outputs.length > 0) return true;
    }
    return false;
  }
}
