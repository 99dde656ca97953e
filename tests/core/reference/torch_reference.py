"""Trajectories of torch.optim's Adam, RMSprop, Adagrad, AdamW and SGD, in float64, with and without
torch.optim.lr_scheduler's schedules, for tests/core/adaptive.test.ts and tests/core/schedules.test.ts.

PyTorch is the reference the adaptive rules and the schedules must follow. Regenerate with Debian's build
(`apt-get install -y python3-torch`; it runs under /usr/bin/python3):
    /usr/bin/python3 tests/core/reference/torch_reference.py
which rewrites torch.json beside this file. The gradients come from autograd, so nothing here shares code or
derivations with the engine. A scheduled case also records the lr each optimizer.step() used (`lrs`).

How our schedule maps onto torch's (src/core/schedules.ts says why): the t-th optimizer.step() of torch's loop
uses the scheduler's lr at epoch t − 1. Our decay φ without a warmup is one epoch ahead of that loop (φ(t) on
step t): its scheduler is stepped once before the first optimizer step. With a warmup of W = 1 it is the decay in
torch's own loop; with W ≥ 2, SequentialLR([LinearLR(1/W, 1, total_iters=W−1), decay], milestones=[W−1]).
The one-cycle is OneCycleLR in torch's own loop, with cycle_momentum=False.
"""
import json
import math
import os
import warnings

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

# The same with our schedules (written as the engine takes them), each turned into torch's by `scheduler`.
# "gd" is torch.optim.SGD without momentum. A cosine case stops at W + T: torch's cosine rises again after T.
SCHEDULED = [
    ("ravine", "gd", {"lr": 1.5}, {}, [-2.5, 1.5], 110, {"kind": "cosine", "floor": 0.1, "period": 100, "warmup": 10}),
    # What the course's students run: AdamW, a warmup, a cosine decay.
    ("rosenbrock", "adamw", {"lr": 0.05}, {}, [-1.5, 2.0], 220, {"kind": "cosine", "floor": 0.0, "period": 200, "warmup": 20}),
    ("ravine", "adam", {"lr": 0.1}, {}, [-2.5, 1.5], 200, {"kind": "step", "gamma": 0.5, "every": 30, "warmup": 5}),
    ("ravine", "gd", {"lr": 1.9}, {}, [-2.5, 1.5], 150, {"kind": "inverse", "k": 0.05, "warmup": 8}),
    ("ravine", "gd", {"lr": 1.0}, {}, [-2.5, 1.5], 100, {"kind": "constant", "warmup": 25}),
    # W = 1: the decay in torch's own loop; W = 0: the decay one epoch ahead of it, as before warmups.
    ("ravine", "gd", {"lr": 1.5}, {}, [-2.5, 1.5], 100, {"kind": "cosine", "floor": 0.0, "period": 100, "warmup": 1}),
    ("ravine", "gd", {"lr": 1.5}, {}, [-2.5, 1.5], 80, {"kind": "cosine", "floor": 0.2, "period": 80}),
    ("rosenbrock", "adam", {"lr": 0.05}, {}, [-1.5, 2.0], 300, {"kind": "step", "gamma": 0.7, "every": 25}),
    # The one-cycle over its T steps (OneCycleLR refuses a step past them): p·T whole and not, and p = 0.
    ("ravine", "gd", {"lr": 1.9}, {}, [-2.5, 1.5], 100, {"kind": "onecycle", "period": 100, "peak": 0.3}),
    ("rosenbrock", "adamw", {"lr": 0.05}, {}, [-1.5, 2.0], 300, {"kind": "onecycle", "period": 300, "peak": 0.3}),
    ("ravine", "adam", {"lr": 0.2}, {}, [-2.5, 1.5], 137, {"kind": "onecycle", "period": 137, "peak": 0.45}),
    ("ravine", "gd", {"lr": 1.5}, {}, [-2.5, 1.5], 50, {"kind": "onecycle", "period": 50, "peak": 0.0}),
]

OPTIMIZERS = {
    "adam": torch.optim.Adam, "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad, "adamw": torch.optim.AdamW,
    "gd": torch.optim.SGD,
}
S = torch.optim.lr_scheduler


def decay(opt, s, lr):
    """Our decay φ as a torch scheduler whose lr at epoch e is φ(e)."""
    if s["kind"] == "constant":
        return S.LambdaLR(opt, lambda e: 1.0)
    if s["kind"] == "inverse":
        return S.LambdaLR(opt, lambda e: 1 / (1 + s["k"] * e))
    if s["kind"] == "step":
        return S.StepLR(opt, step_size=s["every"], gamma=s["gamma"])
    if s["kind"] == "cosine":
        return S.CosineAnnealingLR(opt, T_max=s["period"], eta_min=s["floor"] * lr)
    raise ValueError(s["kind"])


def scheduler(opt, s, lr):
    """Our schedule as torch's, in torch's loop (the module's docstring gives the mapping)."""
    if s["kind"] == "onecycle":
        # OneCycleLR's defaults but for cycle_momentum: our rules' momentum settings are the user's, not cycled.
        return S.OneCycleLR(opt, max_lr=lr, total_steps=s["period"], pct_start=s["peak"], anneal_strategy="cos",
                            div_factor=25.0, final_div_factor=1e4, three_phase=False, cycle_momentum=False)
    w = s.get("warmup", 0)
    if w == 0:
        sched = decay(opt, s, lr)
        sched.step()
        return sched
    if w == 1:
        return decay(opt, s, lr)
    warm = S.LinearLR(opt, start_factor=1 / w, end_factor=1.0, total_iters=w - 1)
    return S.SequentialLR(opt, [warm, decay(opt, s, lr)], milestones=[w - 1])


def run(fn, kind, options, start, steps, schedule=None):
    p = torch.tensor(start, requires_grad=True)
    opt = OPTIMIZERS[kind]([p], **options)
    sched = scheduler(opt, schedule, options["lr"]) if schedule else None
    points, lrs = [p.detach().tolist()], []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.zero_grad()
        fn(p).backward()
        opt.step()
        if sched:
            sched.step()
        points.append(p.detach().tolist())
    return points, lrs


# SequentialLR's milestone calls step(0), which torch warns is deprecated; the value it sets is what we want.
warnings.filterwarnings("ignore", category=UserWarning, module="torch.optim.lr_scheduler")
cases = []
for fn, kind, options, settings, start, steps in CASES:
    points, _ = run(FUNCTIONS[fn], kind, options, start, steps)
    cases.append({"function": fn, "kind": kind, "lr": options["lr"], "settings": settings, "start": start, "steps": steps, "points": points})
for fn, kind, options, settings, start, steps, schedule in SCHEDULED:
    points, lrs = run(FUNCTIONS[fn], kind, options, start, steps, schedule)
    cases.append({"function": fn, "kind": kind, "lr": options["lr"], "settings": settings, "start": start, "steps": steps,
                  "schedule": schedule, "points": points, "lrs": lrs})
out = os.path.join(os.path.dirname(__file__), "torch.json")
with open(out, "w") as f:
    json.dump({"generator": f"torch {torch.__version__}, float64", "cases": cases}, f)
    f.write("\n")
print(f"wrote {len(cases)} cases to {out}")
