import type { SettingSpec } from '../settings';

// Settings that several rules share, as the lecture and torch.optim write them.

/** α, the momentum coefficient (h_t = α h_{t−1} + …). */
export const alpha: SettingSpec = {
  symbol: 'α', tex: '\\alpha', min: 0, max: 0.999, default: 0.9, scale: 'log1m', key: 'a', always: true,
};

/** ε, added to the root of the second moment so a zero gradient never divides by zero. */
export const eps = (byDefault: number): SettingSpec => ({
  symbol: 'ε', tex: '\\varepsilon', min: 0, minExclusive: true, max: 1, default: byDefault,
  scale: 'log', slider: { min: 1e-12, max: 1 }, key: 'eps',
});

/** A decay rate of a running average (β₁, β₂, ρ) in [0, 1). */
export const decay = (symbol: string, tex: string, key: string, byDefault: number, max: number): SettingSpec => ({
  symbol, tex, min: 0, max, default: byDefault, scale: 'log1m', key,
});

/** λ, decoupled weight decay: each step also pulls x towards 0 by η λ x (AdamW, Lion). */
export const weightDecay = (byDefault: number): SettingSpec => ({
  symbol: 'λ', tex: '\\lambda', min: 0, max: 10, default: byDefault, scale: 'log', slider: { min: 1e-4, max: 10 }, key: 'wd',
});
