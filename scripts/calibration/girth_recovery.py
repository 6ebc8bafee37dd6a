"""Fits girth's 2PL (marginal maximum likelihood) to the files written by
examples/calibration_recovery.rs and prints RMSE(a), RMSE(b) and the fitting time, one line
per N, in the format the example prints its own fits.

Run by scripts/calibration/recovery: python girth_recovery.py <folder>
"""
import csv
import sys
import time

import numpy as np
from girth import twopl_mml

folder = sys.argv[1]
with open(f"{folder}/true_params.csv") as f:
    rows = list(csv.DictReader(f))
ids = [r["item"] for r in rows]
true_a = np.array([float(r["a"]) for r in rows])
true_b = np.array([float(r["b"]) for r in rows])

for n in (500, 1000, 2000):
    path = f"{folder}/responses_{n}.csv"
    with open(path) as f:
        header = f.readline().strip().split(",")
    if header != ids:
        sys.exit(f"{path}: items {header} differ from true_params.csv")
    # Rows are learners, columns items; girth wants items x learners.
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=int).T
    start = time.perf_counter()
    result = twopl_mml(data)
    seconds = time.perf_counter() - start
    a, b = np.asarray(result["Discrimination"]), np.asarray(result["Difficulty"])
    rmse_a = np.sqrt(np.mean((a - true_a) ** 2))
    rmse_b = np.sqrt(np.mean((b - true_b) ** 2))
    print(f"girth N={n} rmse_a={rmse_a:.4f} rmse_b={rmse_b:.4f} seconds={seconds:.3f}")
