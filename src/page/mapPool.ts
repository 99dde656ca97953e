// The page's one pool of map workers, made when the first measured map is asked for.
import { createMapPool, type MapPool } from '../workers/pool';

let pool: MapPool | null = null;

export function mapPool(): MapPool {
  pool ??= createMapPool(poolSize(), spawnMapWorker);
  return pool;
}

/** Both cores of the machines the course uses; one where the browser reports a single core. */
export function poolSize(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 2));
}

/** A worker of the kind the pools use: for a pool of one's own (Tune every run). */
export function spawnMapWorker(): Worker {
  return new Worker(new URL('../workers/ratemap.worker.ts', import.meta.url), { type: 'module' });
}
