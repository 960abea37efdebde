"""Time a full strict build of the site with MkDocs and with Zensical.

    .venv/bin/python -m tools.time_builds [--runs 5]

Each engine builds a fresh temporary copy of the project (data, pages,
theme, macros) ``runs`` times, alternating, so neither touches site/ or
site-zensical/ and both see the same machine load. Prints and returns the
median wall-clock seconds, e.g. ``{"mkdocs": 1.02, "zensical": 1.15}``.
``make bench`` (tools/bench.py) imports ``time_builds()``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.project import copy_project

ROOT = Path(__file__).resolve().parent.parent

MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
COMMANDS = {
    "mkdocs": [str(MKDOCS), "build", "--strict", "--clean", "--quiet"],
    "zensical": [str(ZENSICAL), "build", "-f", "zensical.yml", "--clean", "--strict"],
}


def _once(engine: str, project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    proc = subprocess.run(COMMANDS[engine], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{engine} build failed:\n{proc.stdout}{proc.stderr}")
    return seconds


def time_builds(runs: int = 5) -> dict[str, float]:
    """Median seconds of ``runs`` full builds per engine, each in a fresh copy."""
    for engine, binary in (("mkdocs", MKDOCS), ("zensical", ZENSICAL)):
        if not binary.exists():
            raise RuntimeError(f"{engine} is not installed ({binary.relative_to(ROOT)}): run `make test`.")
    times: dict[str, list[float]] = {engine: [] for engine in COMMANDS}
    with tempfile.TemporaryDirectory(prefix="time-builds-") as tmp:
        for run in range(runs):
            for engine in COMMANDS:
                times[engine].append(_once(engine, copy_project(Path(tmp) / f"{engine}-{run}")))
    return {engine: round(statistics.median(values), 3) for engine, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per engine (default 5)")
    args = parser.parse_args(argv)
    try:
        result = time_builds(args.runs)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
