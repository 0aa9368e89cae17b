# scikit-learn's MLPClassifier epoch on the benchmark's design (CSV: f0..f{d-1},label): 2 x 32 relu, adam, batch
# 1024, the same shape as the app's MLP. Reading the CSV is not timed; the fit is, and divided by the epochs run.
import json
import sys
import time
import warnings

import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

df = pd.read_csv(sys.argv[1])
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
x = df.drop(columns=["label"]).to_numpy(dtype="float32")
y = df["label"].to_numpy()
model = MLPClassifier(hidden_layer_sizes=(32, 32), activation="relu", solver="adam", batch_size=1024,
                      max_iter=epochs, tol=0.0, n_iter_no_change=epochs + 1, random_state=0)
warnings.simplefilter("ignore", ConvergenceWarning)
start, cpu = time.perf_counter(), time.process_time()
model.fit(x, y)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"epochs": model.n_iter_, "seconds_per_epoch": seconds / model.n_iter_, "cpu_per_epoch": cpu / model.n_iter_}))
