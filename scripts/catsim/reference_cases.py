"""Prints the fixed cross-check cases of src/engine/irt tests, computed by catsim.

Run: python3 -m venv .venv && .venv/bin/pip install catsim==0.21.0 && .venv/bin/python scripts/catsim/reference_cases.py
Each case: item parameters (a, b, c), responses, catsim's maximum-likelihood theta (scipy
bounded search on [-6, 6]) and its standard error 1/sqrt(test information).
"""
import numpy as np
from catsim import irt
from catsim.estimation import NumericalSearchEstimator
from catsim.item_bank import ItemBank

CASES = [
    ([(1.0, -1.0, 0.0), (1.2, 0.0, 0.0), (0.8, 1.0, 0.0), (1.5, 0.5, 0.0)], [True, True, False, False]),
    ([(1.0, -1.0, 0.0), (1.2, 0.0, 0.0), (0.8, 1.0, 0.0), (1.5, 0.5, 0.0)], [True, False, True, False]),
    ([(0.7, -2.0, 0.0), (1.9, -0.5, 0.0), (1.1, 0.3, 0.0), (1.4, 1.2, 0.0), (0.9, 2.1, 0.0), (1.6, -1.1, 0.0)],
     [True, True, True, False, False, True]),
    ([(1.3, -0.4, 0.2), (0.9, 0.8, 0.25), (1.7, 0.1, 0.2), (1.1, -1.3, 0.25), (2.0, 1.5, 0.2)],
     [True, False, True, True, False]),
    ([(1.0, 0.0, 0.0)] * 3 + [(2.0, 1.0, 0.0)] * 3, [True, True, False, True, False, False]),
    ([(0.5, -3.0, 0.0), (2.5, 3.0, 0.0), (1.0, 0.0, 0.0)], [True, False, True]),
]

estimator = NumericalSearchEstimator()
for params, responses in CASES:
    items = np.array([[a, b, c, 1.0] for a, b, c in params])
    bank = ItemBank(items)
    theta = estimator.estimate(item_bank=bank, administered_items=list(range(len(params))),
                               response_vector=responses, est_theta=0.0)
    se = irt.see(theta, items)
    print(f"case({params!r}, {[bool(r) for r in responses]!r}, {theta:.6f}, {se:.6f}),")
for a, b, c in [(1.0, 0.0, 0.0), (1.8, -0.7, 0.0), (1.2, 0.5, 0.2)]:
    for theta in (-1.0, 0.0, 1.3):
        print(f"info(({a}, {b}, {c}), {theta}, {irt.icc(theta, a, b, c):.9f}, {irt.inf(theta, a, b, c):.9f}),")
