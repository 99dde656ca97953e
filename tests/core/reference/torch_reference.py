"""Trajectories of torch.optim's Adam, RMSprop, Adagrad and AdamW, in float64, for tests/core/adaptive.test.ts.

PyTorch is the reference the adaptive rules must follow. Regenerate with Debian's build
(`apt-get install -y python3-torch`):  /usr/bin/python3 tests/core/reference/torch_reference.py
The gradients come from autograd, so nothing here shares code or derivations with the engine.
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)


def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def ravine(p):
    # An elongated quadratic, rotated 30°: curvatures 1 and 1/50 along the rotated axes.
    c, s = math.cos(math.pi / 6), math.sin(math.pi / 6)
    u = c * p[0] + s * p[1]
    v = -s * p[0] + c * p[1]
    return 0.5 * (u ** 2 + v ** 2 / 50)


FUNCTIONS = {"rosenbrock": rosenbrock, "ravine": ravine}

CASES = [
    ("rosenbrock", "adam", {"lr": 0.05}, {}, [-1.5, 2.0], 300),
    # Two runs that later turn sign-like (one coordinate's gradient flipping about 0) amplify the last bit of
    # rounding chaotically after about 100 steps; they agree with torch bit for bit up to then, so they stop there.
    ("rosenbrock", "adam", {"lr": 0.02, "betas": (0.0, 0.99), "eps": 1e-8}, {"beta1": 0.0, "beta2": 0.99}, [-1.5, 2.0], 100),
    ("rosenbrock", "adam", {"lr": 0.1, "eps": 0.5}, {"eps": 0.5}, [-1.5, 2.0], 200),
    ("rosenbrock", "rmsprop", {"lr": 0.01}, {}, [-1.5, 2.0], 300),
    ("rosenbrock", "adagrad", {"lr": 0.5}, {}, [-1.5, 2.0], 300),
    ("ravine", "adam", {"lr": 0.1}, {}, [-2.5, 1.5], 300),
    ("ravine", "rmsprop", {"lr": 0.05, "alpha": 0.9}, {"rho": 0.9}, [-2.5, 1.5], 90),
    ("ravine", "adagrad", {"lr": 0.8, "eps": 1e-3}, {"eps": 1e-3}, [-2.5, 1.5], 300),
    # AdamW at PyTorch's defaults (λ = 0.01), and with decays strong enough to move where the run settles.
    ("rosenbrock", "adamw", {"lr": 0.05}, {}, [-1.5, 2.0], 300),
    ("rosenbrock", "adamw", {"lr": 0.02, "betas": (0.8, 0.99), "weight_decay": 0.5}, {"beta1": 0.8, "beta2": 0.99, "lambda": 0.5}, [-1.5, 2.0], 300),
    ("ravine", "adamw", {"lr": 0.05, "eps": 1e-3, "weight_decay": 3.0}, {"eps": 1e-3, "lambda": 3.0}, [-2.5, 1.5], 200),
]

OPTIMIZERS = {"adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad, "adamw": torch.optim.AdamW}


def run(fn, kind, options, start, steps):
    p = torch.tensor(start, requires_grad=True)
    opt = OPTIMIZERS[kind]([p], **options)
    points = [p.detach().tolist()]
    for _ in range(steps):
        opt.zero_grad()
        fn(p).backward()
        opt.step()
        points.append(p.detach().tolist())
    return points


cases = [
    {"function": fn, "kind": kind, "lr": options["lr"], "settings": settings, "start": start, "steps": steps,
     "points": run(FUNCTIONS[fn], kind, options, start, steps)}
    for fn, kind, options, settings, start, steps in CASES
]
out = os.path.join(os.path.dirname(__file__), "torch.json")
with open(out, "w") as f:
    json.dump({"generator": f"torch {torch.__version__}, float64", "cases": cases}, f)
    f.write("\n")
print(f"wrote {len(cases)} cases to {out}")
