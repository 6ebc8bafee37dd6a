"""Times one CAT step with catsim on the fixture written by `examples/cat_step.rs`.

The step is what Kafaa times: the ability update after the last answer (catsim's
NumericalSearchEstimator, maximum likelihood) and the choice of the next item (catsim's
MaxInfoSelector) on the same 5,000-item bank with the same administered items and answers.
Prints one line with the microseconds per step.
"""
import json
import sys
import time

import numpy as np
from catsim.estimation import NumericalSearchEstimator
from catsim.item_bank import ItemBank
from catsim.selection import MaxInfoSelector

fixture = json.load(open(sys.argv[1]))
items = np.array([[a, b, c, 1.0] for a, b, c in fixture["items"]])
bank = ItemBank(items)
administered = fixture["administered"]
responses = fixture["responses"]
estimator = NumericalSearchEstimator()
selector = MaxInfoSelector()

steps = 200
start = time.perf_counter()
for _ in range(steps):
    theta = estimator.estimate(item_bank=bank, administered_items=administered,
                               response_vector=responses, est_theta=0.0)
    selector.select(item_bank=bank, administered_items=administered, est_theta=theta)
elapsed = time.perf_counter() - start
print(f"CAT step (5000 items, {len(administered)} answered, catsim): {elapsed / steps * 1e6:.1f} µs per step ({steps} steps)")
