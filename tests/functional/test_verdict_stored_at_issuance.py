"""A signed result is verified once, when it is issued; the dossier page shows that verdict.

Issue 15: reading and checking a whole PDF on every view of the officer's
dossier page made it the slowest page. The verdict is now judged when the
leader signs (``signing.service.store``), kept on the vault document with
the document's SHA-256 and the trust material it was judged on, and shown
from there; ``?verify=1`` checks the stored bytes again, and a changed CRL or
trust root makes the stored verdict stale (a revocation shows at once).
The pinned clock tells a stored verdict (checked when signed) from a new one.

Legal basis of the verdict itself: Luật Giao dịch điện tử 20/2023/QH15 and
Decree 23/2025/NĐ-CP (see ``signing.verify``).
"""
import os
from datetime import timedelta

import pytest

from dossier_support import (MONDAY, apply, clock, docs, get, pki_dir, procedure,  # noqa: F401
                             signing)
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs import timeutil
from tthc_docs.people import totp
from tthc_docs.signing import verify

LATER = MONDAY + timedelta(days=2, hours=3)


@pytest.fixture
def signed(login, edit_site, procedure, docs, signing, fresh_throttle, clock):  # noqa: F811
    """A dossier whose result leader1 signed on MONDAY; the clock then moves on two days."""
    code = awaiting(login, edit_site, docs)
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    clock.set(LATER)
    return code


def stored_document(edit_site, code):
    with edit_site() as site:
        ref = site['dossiers'][code].results[0]
        doc = site['vaults'][ref['vault']].documents[ref['document']]
        return doc.sha256, dict(doc.verification or {})


def test_issuing_stores_the_verdict_with_the_document(edit_site, signed):
    sha256, verdict = stored_document(edit_site, signed)
    assert (verdict['signed'], verdict['intact'], verdict['trusted']) == (True, True, True)
    assert verdict['sha256'] == sha256 and verdict['basis']
    assert verdict['checked_at'] == timeutil.iso(MONDAY)


def test_the_page_shows_the_stored_verdict_without_checking_again(login, signed):
    report = get(login('leader1'), signed).json['results'][0]['verification']
    assert report['trusted'] is True and report['checked_at'] == timeutil.iso(MONDAY)
    page = login('leader1').get(f'/dossiers/{signed}')
    assert timeutil.format_datetime(MONDAY) in page.text and '?verify=1' in page.text


def test_verify_again_checks_the_stored_bytes_now_and_writes_nothing(login, edit_site, signed):
    again = login('leader1').get(f'/dossiers/{signed}?verify=1',
                                 headers={'Accept': 'application/json'}).json
    report = again['results'][0]['verification']
    assert report['trusted'] is True and report['checked_at'] == timeutil.iso(LATER)
    assert stored_document(edit_site, signed)[1]['checked_at'] == timeutil.iso(MONDAY)


def test_a_new_crl_makes_the_stored_verdict_stale(login, signed, pki_dir):  # noqa: F811
    crl = pki_dir.crl_paths()[-1]
    stat = crl.stat()
    os.utime(crl, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    report = get(login('leader1'), signed).json['results'][0]['verification']
    assert report['checked_at'] == timeutil.iso(LATER) and report['trusted'] is True


def test_the_owner_still_gets_no_verification(login, signed):
    assert 'verification' not in get(login('citizen1'), signed).json['results'][0]


def test_a_result_issued_before_verdicts_were_kept_is_checked_on_view(login, edit_site, signed):
    with edit_site() as site:   # the shape of a document stored by an older release
        ref = site['dossiers'][signed].results[0]
        del site['vaults'][ref['vault']].documents[ref['document']].verification
    verify._cache.clear()   # as in a new process: identical bytes were checked by other tests
    report = get(login('leader1'), signed).json['results'][0]['verification']
    assert report['trusted'] is True and report['checked_at'] == timeutil.iso(LATER)
