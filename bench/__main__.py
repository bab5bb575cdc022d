"""`python -m bench [--write]` (`make bench`): every benchmark in turn, each in its own process,
with the same arguments; one that fails is named and the rest still run."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = (
    "bench_engine",
    "bench_store",
    "bench_coach",
    "bench_web",
    "bench_cli",
    "bench_report",
    "bench_interchange",
    "bench_clinic",
    "bench_stop",
)


def main() -> int:
    failed = []
    for name in BENCHMARKS:
        print(f"== bench.{name}", flush=True)
        done = subprocess.run([sys.executable, "-m", f"bench.{name}", *sys.argv[1:]])
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
