"""Index the accounts by agency, so that "who may be assigned" reads only the agency's officers.

Issue 14 (scale): the dossier page offers the officers a dossier may be
assigned to; it used to walk every account, and with a province's hundreds
of thousands of citizen accounts that is seconds per page. ``People.by_agency``
(agency code -> logins) is kept by ``People.create`` and ``Account.update``;
this step builds it once for the accounts already there.
"""
import logging

from BTrees.OOBTree import OOBTree

log = logging.getLogger(__name__)


def evolve(site):
    people = site["people"]
    if getattr(people, "by_agency", None) is None:
        people.by_agency = OOBTree()
    indexed = 0
    for account in people.values():
        if account.agency:
            people.index_agency(account.login, None, account.agency)
            indexed += 1
    log.info("accounts indexed by agency: %d", indexed)
