"""`make bench`: run every tests/bench/bench_*.py in its own process, in order."""
import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
failed = []
# bench_app.py builds the app for the others; it measures nothing itself.
for script in sorted(p for p in here.glob("bench_*.py") if p.name != "bench_app.py"):
    print(f"\n== {script.name}", flush=True)
    code = subprocess.call([sys.executable, str(script)], cwd=here.parent.parent)
    if code:
        failed.append(script.name)
if failed:
    print(f"\nfailed: {', '.join(failed)}")
    sys.exit(1)
