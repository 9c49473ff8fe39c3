"""Run every benchmark script, one subprocess each, and re-print their JSON lines.

Each script in ``SCRIPTS`` (and any other ``bench/*.py`` not starting with ``_`` or named
here as excluded) runs in its own process, one after another — never in parallel, so the
figures do not disturb each other. Its JSON lines are re-printed unchanged; its other output
goes to stderr. A last JSON line says which scripts ran, how long each took and which failed.

    python bench/run_all.py [--only kernels soak] [--quick]
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SCRIPTS = ["frame_time.py", "edit_latency.py", "startup.py", "kernels.py", "soak.py"]  # first, in this order
EXCLUDED = {"run_all.py"}
DISPLAY_SCRIPTS = {"frame_time.py", "edit_latency.py"}  # their 3D parts need OpenGL, hence a display
QUICK_ARGS = {"frame_time.py": ["--frames", "100"], "edit_latency.py": ["--edits", "20"],
              "startup.py": ["--runs", "3"], "kernels.py": ["--quick"],
              "soak.py": ["--frames", "1000", "--edits", "100"], "kill9.py": ["--rounds", "2"]}


def scripts() -> list[str]:
    """The known scripts first, then any added later (alphabetically)."""
    extra = sorted(p.name for p in BENCH.glob("*.py")
                   if not p.name.startswith("_") and p.name not in EXCLUDED and p.name not in SCRIPTS)
    return [s for s in SCRIPTS if (BENCH / s).exists()] + extra


def run(script: str, args: list[str]) -> tuple[int, float]:
    # only the frame-time and edit-latency scripts can use a display (their 3D parts need
    # OpenGL); the others measure the off-screen paths they are about, whatever the caller's platform
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen") if script in DISPLAY_SCRIPTS else "offscreen"
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(BENCH / script), *args], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = process.communicate()
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                json.loads(line)
            except ValueError:
                print(line, file=sys.stderr)
                continue
            print(line, flush=True)
        elif line:
            print(f"[{script}] {line}", file=sys.stderr)
    for line in err.splitlines():
        if line.strip() and "propagateSizeHints" not in line:
            print(f"[{script}] {line}", file=sys.stderr)
    return process.returncode, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="script names (with or without .py)")
    parser.add_argument("--quick", action="store_true", help="smaller runs, for a smoke test")
    args = parser.parse_args()
    chosen = scripts()
    if args.only:
        wanted = {name if name.endswith(".py") else f"{name}.py" for name in args.only}
        chosen = [s for s in chosen if s in wanted]
    seconds, failed = {}, []
    for script in chosen:
        code, elapsed = run(script, QUICK_ARGS.get(script, []) if args.quick else [])
        seconds[script] = round(elapsed, 1)
        if code != 0:
            failed.append(script)
    print(json.dumps({"bench": "run_all", "scripts": chosen, "seconds": seconds, "failed": failed,
                      "nproc": os.cpu_count()}), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
