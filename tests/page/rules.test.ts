import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { optimizerKinds as kinds, scheduleKinds, type Schedule } from '../../src/core';
import { gradientKind, ruleTex } from '../../src/page/rules';

describe('the update rules as TeX', () => {
  it('every rule, on full batches and on mini-batches, with every schedule, is TeX that KaTeX typesets without error', () => {
    for (const kind of kinds) {
      for (const batch of [1, 8, 32]) {
        for (const schedule of scheduleKinds.flatMap((k) => (k === 'onecycle' ? [{ kind: k }] : [{ kind: k }, { kind: k, warmup: 10 }]) as Schedule[])) {
          for (const tex of ruleTex(kind, batch, 32, schedule)) {
            expect(() => katex.renderToString(tex, { throwOnError: true, output: 'htmlAndMathml' }), `${kind} B=${batch}: ${tex}`).not.toThrow();
          }
        }
      }
    }
  });

  it('writes the adaptive rules as torch.optim computes them, with η_t and its formula under a schedule', () => {
    expect(ruleTex('adam', 32, 32)).toEqual([
      'm_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad g_t = \\nabla f(x_{t-1})',
      'v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2, \\quad m_0 = v_0 = 0',
      '\\hat m_t = \\dfrac{m_t}{1 - \\beta_1^{\\,t}}, \\quad \\hat v_t = \\dfrac{v_t}{1 - \\beta_2^{\\,t}}',
      'x_t = x_{t-1} - \\eta\\, \\dfrac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon}',
    ]);
    expect(ruleTex('rmsprop', 8, 32)[0]).toContain('g_t = \\tfrac{1}{B}\\sum_{i \\in B_t} \\nabla f_i(x_{t-1})');
    expect(ruleTex('adagrad', 32, 32)[1]).toBe('x_t = x_{t-1} - \\eta\\, \\dfrac{g_t}{\\sqrt{G_t} + \\varepsilon}');
    // AdamW: Adam's moments, and the decay beside its step.
    expect(ruleTex('adamw', 32, 32).slice(0, 3)).toEqual(ruleTex('adam', 32, 32).slice(0, 3));
    expect(ruleTex('adamw', 32, 32)[3]).toBe('x_t = x_{t-1} - \\eta \\left(\\dfrac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon} + \\lambda\\, x_{t-1}\\right)');
    // Lion: the step's direction c_t, the sign step with its decay, then m_t; sign descent in one line.
    expect(ruleTex('lion', 32, 32)).toEqual([
      'c_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad g_t = \\nabla f(x_{t-1})',
      'x_t = x_{t-1} - \\eta \\left(\\operatorname{sign}(c_t) + \\lambda\\, x_{t-1}\\right)',
      'm_t = \\beta_2 m_{t-1} + (1 - \\beta_2)\\, g_t, \\quad m_0 = 0',
    ]);
    expect(ruleTex('sign', 8, 32)).toEqual(['x_t = x_{t-1} - \\eta\\, \\operatorname{sign}\\!\\big(\\tfrac{1}{B}\\sum_{i \\in B_t} \\nabla f_i(x_{t-1})\\big)']);
    expect(ruleTex('gd', 32, 32, { kind: 'inverse' })).toEqual(['x_t = x_{t-1} - \\eta_t\\, \\nabla f(x_{t-1})', '\\eta_t = \\dfrac{\\eta}{1 + k\\, t}']);
    expect(ruleTex('momentum', 32, 32, { kind: 'step' })[0]).toBe('h_t = \\alpha h_{t-1} + \\eta_t\\, \\nabla f(x_{t-1})');
  });

  it('writes a warmup as the first case of η_t, the schedule after it at t − W; a warmup alone makes η_t of the constant step', () => {
    expect(ruleTex('gd', 32, 32, { kind: 'cosine', warmup: 10 })[1]).toBe(
      '\\eta_t = \\begin{cases} \\eta\\, t / W, & t < W \\\\ '
        + '\\eta \\left(r + (1 - r)\\, \\dfrac{1 + \\cos(\\pi \\min((t - W), T) / T)}{2}\\right), & t \\ge W \\end{cases}',
    );
    expect(ruleTex('gd', 32, 32, { kind: 'constant', warmup: 5 })).toEqual([
      'x_t = x_{t-1} - \\eta_t\\, \\nabla f(x_{t-1})',
      '\\eta_t = \\begin{cases} \\eta\\, t / W, & t < W \\\\ \\eta, & t \\ge W \\end{cases}',
    ]);
    // W = 0 is no warmup: the schedule's own formula, and the constant step has none.
    expect(ruleTex('gd', 32, 32, { kind: 'step', warmup: 0 })).toEqual(ruleTex('gd', 32, 32, { kind: 'step' }));
    expect(ruleTex('adam', 32, 32, { kind: 'constant', warmup: 0 })).toEqual(ruleTex('adam', 32, 32));
  });

  it('writes the lecture\'s rules: GD on x, the inertial rules on h then x, Nesterov at the look-ahead point', () => {
    expect(ruleTex('gd', 32, 32)).toEqual(['x_t = x_{t-1} - \\eta\\, \\nabla f(x_{t-1})']);
    expect(ruleTex('sgd', 1, 32)).toEqual(['x_t = x_{t-1} - \\eta\\, \\nabla f_{i_t}(x_{t-1})']);
    expect(ruleTex('minibatch', 8, 32)).toEqual(['x_t = x_{t-1} - \\eta\\, \\tfrac{1}{B}\\sum_{i \\in B_t} \\nabla f_i(x_{t-1})']);
    expect(ruleTex('momentum', 32, 32)).toEqual(['h_t = \\alpha h_{t-1} + \\eta\\, \\nabla f(x_{t-1})', 'x_t = x_{t-1} - h_t, \\quad h_0 = 0']);
    expect(ruleTex('nesterov', 32, 32)[0]).toBe('h_t = \\alpha h_{t-1} + \\eta\\, \\nabla f(x_{t-1} - \\alpha h_{t-1})');
  });

  it('uses the mini-batch gradient for Momentum and Nesterov when B < N, and only then', () => {
    expect(gradientKind('momentum', 8, 32)).toBe('batch');
    expect(gradientKind('nesterov', 1, 32)).toBe('batch');
    expect(gradientKind('momentum', 32, 32)).toBe('full');
    expect(gradientKind('gd', 8, 32)).toBe('full');
    expect(gradientKind('sgd', 1, 32)).toBe('sample');
    // A "mini-batch" of all N samples is the full gradient, and says so.
    expect(gradientKind('minibatch', 32, 32)).toBe('full');
    expect(gradientKind('minibatch', 8, 32)).toBe('batch');
    expect(ruleTex('nesterov', 8, 32)[0]).toContain('\\sum_{i \\in B_t} \\nabla f_i(x_{t-1} - \\alpha h_{t-1})');
  });
});
