import type { FunctionDef } from './types';

// The lecture's ravine: f = ½ (μ u² + L v²) in coordinates (u, v) turned by θ, with L = 1 and μ = 1/κ.
// Fixing L keeps GD's stability limit at η < 2 whatever κ is, so one slider range serves every ravine.
export const quadratic: FunctionDef = {
  id: 'quadratic',
  params: {
    kappa: { min: 1, max: 1000, default: 20, log: true },
    theta: { min: -90, max: 90, default: 0 },
  },
  make({ kappa, theta }) {
    const mu = 1 / kappa;
    const c = Math.cos((theta * Math.PI) / 180);
    const s = Math.sin((theta * Math.PI) / 180);
    // H = R diag(μ, 1) Rᵀ, R the rotation by θ (u along the floor, v across it).
    const hxx = mu * c * c + s * s;
    const hyy = mu * s * s + c * c;
    const hxy = (mu - 1) * c * s;
    const su = -2.5, sv = 1.2;
    // The start far along the floor and a little up the wall, turned with the ravine; turned steeply,
    // it would leave the 6 × 4 view, so it is then pulled in along its ray to the minimum.
    const sx = c * su - s * sv, sy = s * su + c * sv;
    const fit = Math.min(1, 2.8 / Math.abs(sx), 1.8 / Math.abs(sy));
    return {
      id: 'quadratic',
      f: ([x, y]) => 0.5 * (hxx * x * x + 2 * hxy * x * y + hyy * y * y),
      grad: ([x, y]) => [hxx * x + hxy * y, hxy * x + hyy * y],
      view: { x: [-3, 3], y: [-2, 2] },
      minima: [[0, 0]],
      fMin: 0,
      saddles: [],
      start: [fit * sx, fit * sy],
      lr: { min: 0.001, max: 2.5, default: 1 },
      noise: 0.3,
      equalAxes: true,
      quadratic: { hessian: [[hxx, hxy], [hxy, hyy]], center: [0, 0] },
    };
  },
};
