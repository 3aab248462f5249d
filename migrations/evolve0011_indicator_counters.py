"""Give the site the counters of the Decision 766/QĐ-TTg indicators, filled from what it holds.

Issue 17: the indicators are read from counters kept on write
(``tthc_docs.indicators``); a database written before them gets the store
and one pass over its dossiers, complaints and procedures, the same pass
``tthc-docs rebuild-indicators`` makes.
"""
import logging

from tthc_docs.indicators.counters import IndicatorStore
from tthc_docs.indicators.hooks import STORE
from tthc_docs.indicators.rebuild import fill

log = logging.getLogger(__name__)


def evolve(site):
    if STORE in site:
        return None
    store = site.add(STORE, IndicatorStore())
    n = fill(site, store, commit_every=10000)
    log.info("indicator counters built from %d dossiers", n)
    return [f"Chỉ số 766: đã tính bộ đếm từ {n} hồ sơ."]
