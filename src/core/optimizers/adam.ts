import type { Vec2 } from '../types';
import { decay, eps } from './common';
import { defineOptimizer, type UpdateRule } from './types';

export interface AdamState {
  /** The running means of g and of g² (per coordinate), and β₁ᵗ, β₂ᵗ for the bias corrections. */
  m: Vec2;
  v: Vec2;
  p1: number;
  p2: number;
}

/**
 * Adam as torch.optim.Adam computes it: m_t = β₁ m_{t−1} + (1 − β₁) g_t, v_t = β₂ v_{t−1} + (1 − β₂) g_t²,
 * x_t = x_{t−1} − η/(1 − β₁ᵗ) · m_t / (√v_t / √(1 − β₂ᵗ) + ε), every operation per coordinate. The powers
 * βᵗ are kept as running products: `**` rounds differently from one browser to the next.
 */
export function adamRule({ beta1: b1, beta2: b2, eps: e }: { beta1: number; beta2: number; eps: number }): UpdateRule<AdamState> {
  return {
    init: () => ({ m: [0, 0], v: [0, 0], p1: 1, p2: 1 }),
    step(x, s, grad, lr) {
      const g = grad(x);
      const m: Vec2 = [b1 * s.m[0] + (1 - b1) * g[0], b1 * s.m[1] + (1 - b1) * g[1]];
      const v: Vec2 = [b2 * s.v[0] + (1 - b2) * g[0] * g[0], b2 * s.v[1] + (1 - b2) * g[1] * g[1]];
      const p1 = s.p1 * b1, p2 = s.p2 * b2;
      const size = lr / (1 - p1);
      const root2 = Math.sqrt(1 - p2);
      return {
        x: [x[0] - (size * m[0]) / (Math.sqrt(v[0]) / root2 + e), x[1] - (size * m[1]) / (Math.sqrt(v[1]) / root2 + e)],
        state: { m, v, p1, p2 }, g, at: x,
      };
    },
  };
}

export const adam = defineOptimizer({
  hyper: {
    beta1: decay('β₁', '\\beta_1', 'b1', 0.9, 0.999),
    beta2: decay('β₂', '\\beta_2', 'b2', 0.999, 0.9999),
    eps: eps(1e-8),
  },
  batch: { choice: true, default: 'all' },
  lrUnit: 'length',
  map: 'beta1',
  rule: adamRule,
  tex: (g, eta) => [
    `m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\quad g_t = ${g('x_{t-1}')}`,
    'v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2, \\quad m_0 = v_0 = 0',
    '\\hat m_t = \\dfrac{m_t}{1 - \\beta_1^{\\,t}}, \\quad \\hat v_t = \\dfrac{v_t}{1 - \\beta_2^{\\,t}}',
    `x_t = x_{t-1} - ${eta}\\, \\dfrac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon}`,
  ],
});
