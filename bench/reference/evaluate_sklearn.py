# The notebook reference for `evaluate`: pandas read_csv, then scikit-learn's AUC, ROC, PR curve and Brier score.
import json
import sys

import pandas as pd
from sklearn.metrics import brier_score_loss, precision_recall_curve, roc_auc_score, roc_curve

df = pd.read_csv(sys.argv[1])
y = df["label"].to_numpy()
s = df["score"].to_numpy()
auc = roc_auc_score(y, s)
fpr, tpr, _ = roc_curve(y, s)
precision, recall, _ = precision_recall_curve(y, s)
brier = brier_score_loss(y, s)
print(json.dumps({"roc_auc": auc, "brier": brier, "roc_points": len(fpr), "pr_points": len(precision)}))
