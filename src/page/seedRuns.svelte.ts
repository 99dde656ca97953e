// The stochastic runs' other seeds, run by a worker (workers/seeds.worker.ts) so that a slider keeps the
// display's rate with K = 16 seeds of thousands of steps. Each run shows its newest answer until the one
// for its present setting arrives; one request is in flight at a time, and changes meanwhile are kept to
// the last, as the contour's worker does.
import type { PlaygroundState, RunState } from '../state/playground';
import type { SeedSpread } from '../state/seeds';
import type { SeedAnswer, SeedRequest } from '../workers/seeds.worker';

export class SeedRuns {
  /** Each run's newest answer, by its id. */
  #answers = $state.raw(new Map<number, { key: string; spread: SeedSpread }>());
  #worker: Worker | null = null;
  /** The keys asked of the worker and not answered yet. */
  #asked = new Set<string>();
  #next: SeedRequest | null = null;

  /** Each run's spread: the answer for its present key, else its newest (a moment old), else null. */
  shown(runs: readonly RunState[], keys: readonly (string | null)[]): (SeedSpread | null)[] {
    return runs.map((r, i) => (keys[i] === null ? null : this.#answers.get(r.id)?.spread ?? null));
  }

  /** Whether every run shows the answer for its present key. */
  current(runs: readonly RunState[], keys: readonly (string | null)[]): boolean {
    return runs.every((r, i) => keys[i] === null || this.#answers.get(r.id)?.key === keys[i]);
  }

  /** Asks for the runs whose present key has no answer yet; `s` must be plain data (a snapshot). */
  want(s: PlaygroundState, keys: readonly (string | null)[], seeds: number): void {
    const jobs = s.runs.flatMap((run, i) => {
      const key = keys[i];
      return key === null || this.#answers.get(run.id)?.key === key || this.#asked.has(key) ? [] : [{ key, run }];
    });
    this.#next = jobs.length ? { fn: s.fn, start: s.start, steps: s.steps, seeds, jobs } : null;
    this.#send();
  }

  dispose(): void {
    this.#worker?.terminate();
  }

  #send(): void {
    if (this.#asked.size || !this.#next) return;
    this.#worker ??= this.#spawn();
    for (const j of this.#next.jobs) this.#asked.add(j.key);
    this.#worker.postMessage(this.#next);
    this.#next = null;
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('../workers/seeds.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SeedAnswer>) => {
      const answers = new Map(this.#answers);
      for (const a of e.data) answers.set(a.id, { key: a.key, spread: a.spread });
      this.#answers = answers;
      this.#asked.clear();
      this.#send();
    };
    // A failed run is a bug of ours: say so and keep answering (the page stays pending for that key).
    worker.onerror = (e) => {
      console.error('seeds worker:', e.message);
      this.#asked.clear();
      this.#send();
    };
    return worker;
  }
}
