# The notebook reference for `profile`: pandas read_csv + describe (numeric and object columns), as a whole process.
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1])
df.describe(include="all")
print(len(df), len(df.columns))
