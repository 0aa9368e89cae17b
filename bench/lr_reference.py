"""The notebook a user would write instead of `mle-playground train`: pandas read, the feature columns the app chose (argv 4, joined by \x1f), train-only median impute +
standardise numeric columns, one-hot categoricals (the 100 most frequent levels, the rest sharing one slot, as the
app does), a random 60 % train split, then scikit-learn LogisticRegression(lbfgs, C=1, tol) fitted. Run by
bench/lr-vs-sklearn.ts as a whole process; prints one JSON line (iterations, seconds of fit)."""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

path, label, tol, features = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4].split("\x1f")
frame = pd.read_csv(path)
frame = frame[frame[label].notna()][features + [label]]
y = frame.pop(label).astype(str).to_numpy()
train_idx = np.random.default_rng(42).permutation(len(y))[: int(0.6 * len(y))]
parts = []
for name in frame.columns:
    column = frame[name]
    if pd.api.types.is_numeric_dtype(column):
        values = column.to_numpy(dtype=float)
        median = np.nanmedian(values[train_idx])
        values = np.where(np.isnan(values), median, values)
        scale = values[train_idx].std() or 1.0
        parts.append(((values - values[train_idx].mean()) / scale)[:, None])
    else:
        top = column.iloc[train_idx].value_counts().index[:100]
        parts.append(pd.get_dummies(column.where(column.isin(top), "__other__")).to_numpy(dtype=float))
x = np.hstack(parts)
started = time.perf_counter()
model = LogisticRegression(C=1.0, tol=tol, max_iter=500).fit(x[train_idx], y[train_idx])
print(json.dumps({"inputs": x.shape[1], "iterations": int(model.n_iter_[0]), "fit_s": time.perf_counter() - started}))
