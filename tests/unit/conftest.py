"""Fixtures shared by the unit tests of the evolve steps."""
import pytest
import transaction

from tthc_docs.site.content import get_site


@pytest.fixture
def site(db):
    """The demo site on its own connection and explicit transaction manager: ``(site, tm)``."""
    tm = transaction.TransactionManager(explicit=True)
    conn = db.open(transaction_manager=tm)
    tm.begin()
    yield get_site(conn), tm
    tm.abort()
    conn.close()
