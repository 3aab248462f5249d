"""`make bench`: run every tests/bench/bench_*.py in its own process, in order."""
import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
failed = []
for script in sorted(here.glob("bench_*.py")):
    print(f"\n== {script.name}", flush=True)
    code = subprocess.call([sys.executable, str(script)], cwd=here.parent.parent)
    if code:
        failed.append(script.name)
if failed:
    print(f"\nfailed: {', '.join(failed)}")
    sys.exit(1)
