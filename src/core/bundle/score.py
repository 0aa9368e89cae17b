#!/usr/bin/env python3
"""Reference scorer for an MLE Playground bundle. Needs only NumPy (pandas only for score_frame on a DataFrame).

Run from the unzipped bundle:   python3 score.py INPUT.csv --out OUTPUT.csv
As a module:                    from score import score_frame; scored = score_frame(df)

It reads preprocessing.json, inference-contract.json and the TensorFlow.js model (model/model.json with its
weights.bin) and computes the same score columns as `mle-playground score`: row, the entity key if any, p_<class>
and class (multiclass), score (the positive-class probability) and decision at the bundle's threshold. Cells are
read exactly as the app reads them: trimmed, missing-value tokens, plain decimal numbers, categories matched by their
shortest spelling. It does not validate rows (the app's scorer does): a cell that is not a number in a numeric
column is treated as missing. Nothing in the bundle is executed; the model is read as data.
"""
import argparse
import calendar
import csv
import hashlib
import json
import math
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_BOOLEAN = {"true", "false", "yes", "no", "y", "n"}
_DTYPES = {"float32": np.float32, "int32": np.int32}


def js_number(v):
    """A float as JavaScript's String(v) writes it (shortest round trip, JS exponent rules)."""
    if v == 0:
        return "0"
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    sign = "-" if v < 0 else ""
    r = repr(abs(v))
    mantissa, _, exp = r.partition("e")
    whole, _, frac = mantissa.partition(".")
    frac = frac.rstrip("0") if frac != "0" else ""
    digits = (whole + frac).lstrip("0")
    n = len(whole) + (int(exp) if exp else 0) - (len(whole + frac) - len((whole + frac).lstrip("0")))
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))
    return sign + out


def parse_number(text):
    """A trimmed cell as a finite float, or NaN unless it is plain decimal notation (as the app's parseNumber)."""
    if not _NUMBER.match(text):
        return math.nan
    v = float(text)
    return v if math.isfinite(v) else math.nan


def parse_iso_date(text):
    """Epoch milliseconds (UTC) of an ISO 8601 date or date-time, NaN otherwise; zone-less times are UTC."""
    m = _ISO.match(text)
    if not m:
        return math.nan
    y, mo, d, hh, mi, ss, frac, zone = m.groups()
    try:
        seconds = calendar.timegm((int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), 0, 0, 0))
    except (ValueError, OverflowError):
        return math.nan
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= calendar.monthrange(int(y), int(mo))[1]):
        return math.nan
    ms = int((frac or "0")[:3].ljust(3, "0"))
    offset = 0
    if zone and zone != "Z":
        z = zone.replace(":", "")
        offset = (1 if z[0] == "+" else -1) * (int(z[1:3]) * 60 + int(z[3:5]))
    return float(seconds * 1000 + ms - offset * 60000)


def category_key(text):
    """The spelling a category is matched by: numbers by their shortest form, boolean words in lower case."""
    v = parse_number(text)
    if not math.isnan(v):
        return js_number(v)
    lower = text.lower()
    return lower if lower in _BOOLEAN else text


def cell_text(v):
    """Any DataFrame cell as the text a CSV would hold: '' for missing, numbers in their shortest form."""
    if v is None:
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return "" if math.isnan(v) else js_number(float(v))
    return str(v).strip()


class Bundle:
    """The scoring parts of an unzipped bundle directory."""

    def __init__(self, directory=HERE):
        def load(path):
            with open(os.path.join(directory, path), encoding="utf-8") as f:
                return json.load(f)

        self.pre = load("preprocessing.json")
        self.contract = load("inference-contract.json")
        self.columns = {c["name"]: c for c in self.contract["columns"]}
        self.missing = set(self.contract["missing_tokens"]) | {""}
        model = load("model/model.json")
        with open(os.path.join(directory, "model", "weights.bin"), "rb") as f:
            data = f.read()
        weights, offset = {}, 0
        for group in model["weightsManifest"]:
            for spec in group["weights"]:
                count = int(np.prod(spec["shape"])) if spec["shape"] else 1
                dtype = _DTYPES[spec.get("dtype", "float32")]
                size = count * np.dtype(dtype).itemsize
                weights[spec["name"]] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(spec["shape"]).astype(np.float64)
                offset += size
        topology = model["modelTopology"]
        config = topology.get("model_config", topology)["config"]
        self.layers = []
        for layer in config["layers"] if isinstance(config, dict) else config:
            if layer["class_name"] != "Dense":
                raise ValueError("only dense layers can be scored, found " + layer["class_name"])
            name = layer["config"]["name"]
            self.layers.append((weights[name + "/kernel"], weights[name + "/bias"], layer["config"].get("activation", "linear")))

    def encode(self, table):
        """Model inputs [n, d] (float64) from a dict of column name -> list of cell texts."""
        n = len(next(iter(table.values()))) if table else 0
        parts = []
        for step in self.pre["steps"]:
            texts = table[step["column"]]
            info = self.columns.get(step["column"], {})
            if step["kind"] == "numeric":
                fmt = info.get("datetime_format") if info.get("type") == "datetime" else None
                values = self.numbers(texts, fmt)
                absent = np.isnan(values)
                parts.append(((np.where(absent, step["median"], values) - step["mean"]) / step["scale"])[:, None])
                if step["missingIndicator"]:
                    parts.append(absent.astype(np.float64)[:, None])
            else:
                slots = {c: i for i, c in enumerate(step["categories"])}
                other = len(step["categories"])
                # A column kept out of the bundle stores salted SHA-256 digests; incoming values are hashed alike.
                salt = step.get("salt")
                lookup = (lambda k: hashlib.sha256((salt + "\0" + k).encode("utf-8")).hexdigest()) if salt else (lambda k: k)
                block = np.zeros((n, other + 1))
                cache = {}
                for i, t in enumerate(texts):
                    slot = cache.get(t, -2)
                    if slot == -2:
                        slot = -1 if t in self.missing else slots.get(lookup(category_key(t)), other)
                        cache[t] = slot
                    if slot >= 0:
                        block[i, slot] = 1.0
                parts.append(block)
        return np.hstack(parts) if parts else np.zeros((n, 0))

    def numbers(self, texts, fmt):
        """Raw values of a numeric (or datetime) column's cells; NaN for missing and for cells that are not numbers."""
        n = len(texts)
        values = np.full(n, np.nan)
        present = [i for i, t in enumerate(texts) if t not in self.missing]
        cells = [texts[i] for i in present]
        joined = "".join(cells)
        # Fast path: NumPy parses the whole column at once. float() accepts a superset of plain decimals (inf, nan,
        # underscores, non-ASCII digits); non-finite results become NaN, and the other extras fall back to the loop.
        if fmt != "iso" and joined.isascii() and "_" not in joined:
            try:
                parsed = np.array(cells, dtype=np.float64)
            except ValueError:
                parsed = None
            if parsed is not None:
                parsed[~np.isfinite(parsed)] = np.nan
                if fmt == "epoch-seconds":
                    parsed *= 1000.0
                values[present] = parsed
                return values
        cache = {}
        for i in present:
            t = texts[i]
            v = cache.get(t)
            if v is None:
                v = parse_iso_date(t) if fmt == "iso" else parse_number(t) * (1000.0 if fmt == "epoch-seconds" else 1.0)
                cache[t] = v
            values[i] = v
        return values

    def predict(self, x):
        """Outputs of the dense stack: [n, 1] sigmoid or [n, K] softmax probabilities."""
        h = x
        for kernel, bias, activation in self.layers:
            h = h @ kernel + bias
            if activation == "relu":
                h = np.maximum(h, 0.0)
            elif activation == "tanh":
                h = np.tanh(h)
            elif activation == "sigmoid":
                h = 1.0 / (1.0 + np.exp(-h))
            elif activation == "softmax":
                e = np.exp(h - h.max(axis=1, keepdims=True))
                h = e / e.sum(axis=1, keepdims=True)
        return h

    def score_table(self, table, rows):
        """Score columns (name -> list of texts) for a table of cell texts and its 1-based row numbers."""
        c = self.contract
        out = self.predict(self.encode(table))
        multiclass = c["task"] == "multiclass"
        classes = c["classes"]
        positive = classes.index(c["positive_class"]) if multiclass else 0
        p = out[:, positive]
        result = {"row": [str(r) for r in rows]}
        if c.get("entity_key"):
            result[c["entity_key"]] = list(table.get(c["entity_key"], [""] * len(rows)))
        if multiclass:
            for k, name in enumerate(classes):
                result["p_" + name] = [js_number(float(v)) for v in out[:, k]]
            result["class"] = [classes[k] for k in np.argmax(out, axis=1)]
        negative = "not " + c["positive_class"] if multiclass else classes[0]
        result["score"] = [js_number(float(v)) for v in p]
        result["decision"] = [c["positive_class"] if v >= c["threshold"] else negative for v in p]
        return result

    def needed(self):
        names = [s["column"] for s in self.pre["steps"]]
        key = self.contract.get("entity_key")
        return names + ([key] if key and key not in names else [])


def score_frame(df, bundle_dir=HERE, first_row=1):
    """Scores a pandas DataFrame; returns a DataFrame of the score columns (read it with dtype=str,
    keep_default_na=False for the app's exact cell reading). `first_row` numbers its first row (1 = first data row)."""
    import pandas as pd

    bundle = _bundle(bundle_dir)
    missing = [n for n in bundle.needed()[: len(bundle.pre["steps"])] if n not in df.columns]
    if missing:
        raise KeyError("the input lacks the columns the model needs: " + ", ".join(missing))
    table = {name: [cell_text(v) for v in df[name].tolist()] for name in bundle.needed() if name in df.columns}
    rows = range(first_row, first_row + len(df))
    return pd.DataFrame(bundle.score_table(table, rows), index=df.index)


_CACHE = {}


def _bundle(directory):
    if directory not in _CACHE:
        _CACHE[directory] = Bundle(directory)
    return _CACHE[directory]


def score_csv(path, out_path, bundle_dir=HERE, chunk_rows=100000):
    """Streams a CSV through the scorer in chunks of rows and writes the score columns to out_path."""
    bundle = _bundle(bundle_dir)
    with open(path, newline="", encoding="utf-8-sig") as f, open(out_path, "w", newline="", encoding="utf-8") as out:
        reader = csv.reader(f, delimiter=_sniff(f))
        header = [h.strip() for h in next(reader)]
        absent = [n for n in bundle.needed()[: len(bundle.pre["steps"])] if n not in header]
        if absent:
            raise SystemExit("score.py: %s lacks the columns the model needs: %s" % (path, ", ".join(absent)))
        index = {n: header.index(n) for n in bundle.needed() if n in header}
        writer = None
        row = 0
        while True:
            chunk = []
            for record in reader:
                if record and any(cell != "" for cell in record) or len(record) > 1:
                    chunk.append(record)
                if len(chunk) >= chunk_rows:
                    break
            if not chunk:
                break
            table = {n: [(r[i].strip() if i < len(r) else "") for r in chunk] for n, i in index.items()}
            result = bundle.score_table(table, range(row + 1, row + 1 + len(chunk)))
            row += len(chunk)
            if writer is None:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(list(result))
            writer.writerows(zip(*result.values()))


def _sniff(f):
    first = f.readline()
    f.seek(0)
    counts = {d: first.count(d) for d in [",", ";", "\t", "|"]}
    return max(counts, key=lambda d: (counts[d], d == ","))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score a CSV with this bundle (NumPy only).")
    parser.add_argument("input")
    parser.add_argument("--out", required=True)
    parser.add_argument("--bundle", default=HERE, help="the unzipped bundle directory (default: this file's)")
    args = parser.parse_args(argv)
    score_csv(args.input, args.out, args.bundle)


if __name__ == "__main__":
    sys.exit(main())
