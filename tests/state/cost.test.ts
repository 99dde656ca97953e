import { describe, expect, it } from 'vitest';
import { optimizerKinds } from '../../src/core';
import { newRun } from '../../src/state/actions';
import { axisValues, runEvals } from '../../src/state/cost';
import { defaultState } from '../../src/state/defaults';
import { buildFunction } from '../../src/state/scene';

describe('gradient evaluations', () => {
  const fn = buildFunction(defaultState().fn);
  const n = fn.n;

  it('are B·t for a batch of B, N·t for the full-gradient rules, 1·t for SGD; evals[0] = 0', () => {
    expect(n).toBe(32);
    const expected = { gd: n, sgd: 1, minibatch: 8, momentum: n, nesterov: n, adam: n, rmsprop: n, adagrad: n, adamw: n, lion: n, sign: n };
    for (const kind of optimizerKinds) {
      const run = newRun(fn, kind, 0);
      expect(runEvals(run, n, 4), kind).toEqual([0, 1, 2, 3].map((t) => expected[kind] * t));
    }
    // A chosen batch counts as chosen, a batch above N as N.
    expect(runEvals({ ...newRun(fn, 'minibatch', 0), batch: 5 }, n, 3)).toEqual([0, 5, 10]);
    expect(runEvals({ ...newRun(fn, 'momentum', 0), batch: 4 }, n, 3)).toEqual([0, 4, 8]);
  });

  it('give the loss plot its x: t, evaluations or epochs', () => {
    const run = { ...newRun(fn, 'minibatch', 0), batch: 8 };
    expect(axisValues('step', run, n, 5)).toBeUndefined();
    expect(axisValues('evals', run, n, 5)).toEqual([0, 8, 16, 24, 32]);
    expect(axisValues('epochs', run, n, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axisValues('epochs', newRun(fn, 'gd', 0), n, 3)).toEqual([0, 1, 2]);
  });
});
