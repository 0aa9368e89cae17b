"""Scores a large CSV with an unzipped bundle's score.py on a local Dask cluster (docs/scale.md explains it).

    python3 bench/dask_score.py BUNDLE_DIR INPUT.csv OUTPUT.csv [--workers 2]

Prints one JSON line: rows, seconds, rows_per_second. Used by test/unit/dask-scale.test.ts and `npm run bench`.
"""
import argparse
import json
import sys
import time

import dask.dataframe as dd
from dask.distributed import Client, LocalCluster


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="16MB")
    args = parser.parse_args()
    sys.path.insert(0, args.bundle)
    from score import score_frame  # the bundle's own scorer, imported from the unzipped bundle

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        client.upload_file(args.bundle + "/score.py")
        started = time.perf_counter()
        # Text cells, as the app reads them: no pandas type guessing, no pandas missing-value list.
        ddf = dd.read_csv(args.input, dtype=str, keep_default_na=False, blocksize=args.blocksize)
        # Row numbers continue across partitions, so each partition needs the length of those before it.
        lengths = ddf.map_partitions(len).compute()
        offsets = [1]
        for n in lengths[:-1]:
            offsets.append(offsets[-1] + n)

        def score(part, partition_info=None):
            first = offsets[partition_info["number"]] if partition_info else 1
            return score_frame(part, args.bundle, first_row=first)

        meta = score_frame(ddf.head(1), args.bundle).iloc[:0]
        scored = ddf.map_partitions(score, meta=meta)
        scored.to_csv(args.output, single_file=True, index=False)
        seconds = time.perf_counter() - started
    rows = int(sum(lengths))
    print(json.dumps({"rows": rows, "seconds": round(seconds, 3), "rows_per_second": round(rows / seconds), "workers": args.workers}))


if __name__ == "__main__":
    main()
