"""The baseline alone and a foundation page (GET /@@me as JSON) beside it."""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from harness import measure, measure_baseline, report, report_baseline  # noqa: E402


def main():
    from bench_app import demo_client
    baseline = measure_baseline()
    report_baseline(baseline)
    client = demo_client(Path(tempfile.mkdtemp(prefix="bench-me-")))
    report("GET /@@me (anonymous, JSON)", measure(
        lambda: client.get("/@@me", headers={"Accept": "application/json"}), n=300), baseline)
    report("GET / (home page, HTML)", measure(lambda: client.get("/"), n=300), baseline)


if __name__ == "__main__":
    main()
