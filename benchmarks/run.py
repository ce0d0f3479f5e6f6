"""`make bench`: runs every benchmarks/bench_*.py in turn and prints its table."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main(names: list[str]) -> None:
    for path in sorted(HERE.glob("bench_*.py")):
        if names and path.stem.removeprefix("bench_") not in names:
            continue
        print(f"== {path.stem}")
        importlib.import_module(path.stem).main()
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
