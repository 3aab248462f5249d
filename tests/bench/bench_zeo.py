"""Requests per second with one application process and with two, on one ZEO server.

The issue's target: two processes give at least 1.7 times one. Both runs
use the same ZEO server (runzeo, FileStorage, shared blob folder) and the
same database, filled by ``tthc-docs generate`` (BENCH_ZEO_DOSSIERS, default
2,000); 16 clients at once, spread over the processes, for the dossier page
and for @@apply. On a machine with fewer free cores than processes + the
ZEO server, the ratio measures the machine, not the design: the report
prints the core count beside it.
"""
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / 'scale')]
from bench_scale import OUT, sample, throughput  # noqa: E402
from multi_process import prepared_apps  # noqa: E402
from scale_support import tthc, zeo_server, zeo_uri  # noqa: E402

DOSSIERS = int(os.environ.get('BENCH_ZEO_DOSSIERS', 2000))
CLIENTS = 16


def main():
    folder = Path(tempfile.mkdtemp(prefix='bench-zeo-'))
    lines = [f'one vs two application processes on one ZEO server ({os.cpu_count()} cores, shared); '
             f'{DOSSIERS:,} dossiers; {CLIENTS} clients']
    with zeo_server(folder / 'zeo') as (port, _server):
        uri = zeo_uri(port, folder / 'zeo' / 'blobs', shared=True)
        figures = {}
        for processes in (1, 2):
            run = folder / f'p{processes}'
            run.mkdir()
            with prepared_apps(run, uri, processes=processes, citizens=CLIENTS + 2) as (ini, ports):
                if processes == 1 and DOSSIERS:
                    tthc('generate', ini, '--procedures', 200, '--citizens', 0,
                         '--dossiers', DOSSIERS, timeout=None)
                codes, _ = sample(ini)
                figures[processes] = throughput(ports, codes, CLIENTS, total=CLIENTS * 10)
        for name in figures[1]:
            one, two = figures[1][name]['per_second'], figures[2][name]['per_second']
            bad = {n: (figures[n][name]['errors'], figures[n][name]['statuses']) for n in (1, 2)
                   if figures[n][name]['errors']}
            lines.append(f'{name:<24} 1 process {one:7.1f} req/s   2 processes {two:7.1f} req/s'
                         f'   x{two / one:4.2f}' + (f'   errors {bad}' if bad else ''))
    text = '\n'.join(lines) + '\n'
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / 'zeo-processes.txt').write_text(text)


if __name__ == '__main__':
    main()
