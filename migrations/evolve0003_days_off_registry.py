"""Give the procedure catalog its registry of days off and make-up days.

A catalog made before the admin could enter the government's extra days off
had none; it used to be made on first use, by whichever request came first.
"""
import logging

from tthc_docs.dossiers.daysoff import DaysOffRegistry

log = logging.getLogger(__name__)


def evolve(site):
    catalog = site["procedures"]
    if getattr(catalog, "calendar", None) is None:
        catalog.calendar = DaysOffRegistry()
        log.info("days-off registry added to the procedure catalog")
