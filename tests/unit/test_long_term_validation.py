"""Ten years ahead, through the archive timestamps (PAdES B-LTA, ETSI EN 319 102-1 §5.6.3).

The development PKI's leader certificate lasts 2 years and the TSA's about
8: ten years on, both have expired, and only the chain of document
timestamps proves the signature. The archive timestamp is renewed (a new
TSA key, ``tthc-docs retimestamp``) before the first TSA certificate
expires; the clock is frozen at each step because pyHanko reads it (the
timestamp's time, the proofs of existence it registers) besides the moment
passed to it.
"""
import datetime
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from freezegun import freeze_time

from tthc_docs.pdf.result import render_result
from tthc_docs.signing import archive, devpki, sign as S
from tthc_docs.signing.devpki import DevPki, LeaderSpec
from tthc_docs.signing.signer import load_identity
from tthc_docs.signing.verify import verify_pdf

UTC = datetime.timezone.utc
RENEWED_AFTER = datetime.timedelta(days=devpki.TSA_DAYS - 500)   # inside the 730-day margin
TEN_YEARS = datetime.timedelta(days=3653)


def _signed(pki, settings):
    rendered = render_result({"code": "C-10Y", "procedure_code": "1", "procedure_name": "Khai sinh",
                              "agency_name": "Trung tâm", "signer_name": "Trần Văn Lãnh",
                              "verify_url": "http://127.0.0.1:6543/@@verify",
                              "issued_at": datetime.date(2026, 11, 30)})
    return S.sign_pdf(rendered.data, load_identity(settings, "leader1"),
                      S.signing_from_settings(settings), box=rendered.signature_box,
                      reason=S.reason_for("C-10Y"), lines=["Đã ký số"])


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """(pki, settings, signed today, renewed before the first TSA certificate ends, T0)."""
    t0 = datetime.datetime.now(UTC).replace(microsecond=0)
    # the certificates name an OCSP responder and CRLs at this (unserved) address;
    # nothing is fetched: signing asks the development responder in process
    pki = DevPki(tmp_path_factory.mktemp("ten-years")).create(
        [LeaderSpec("leader1", "Trần Văn Lãnh", "000.00.20.H55", "Trung tâm", "")],
        base_url="http://127.0.0.1:9")
    settings = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    data = _signed(pki, settings)
    renewal = t0 + RENEWED_AFTER
    with freeze_time(renewal):
        assert archive.due(data, renewal, archive.DEFAULT_MARGIN_DAYS)
        pki.renew_tsa(renewal)
        pki.publish_crls(renewal)
        renewed = archive.add_archive_timestamp(data, S.signing_from_settings(settings),
                                                moment=renewal)
    return pki, data, renewed, t0


def _verify_at(pki, data, moment):
    with freeze_time(moment):
        return verify_pdf(data, S.load_certs([pki.root_cert_path]), moment=moment)


def test_the_signer_and_the_first_tsa_have_expired_ten_years_on(signed):
    pki, _data, renewed, t0 = signed
    stamps = PdfFileReader(io.BytesIO(renewed)).embedded_timestamp_signatures
    settings = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    first_tsa_end = stamps[0].signer_cert["tbs_certificate"]["validity"]["not_after"].native
    assert load_identity(settings, "leader1").valid_until < t0 + TEN_YEARS
    assert first_tsa_end < t0 + TEN_YEARS


def test_ten_years_ahead_the_renewed_result_is_valid_through_its_archive_timestamps(signed):
    pki, _data, renewed, t0 = signed
    report = _verify_at(pki, renewed, t0 + TEN_YEARS)
    assert (report["intact"], report["trusted"], report["level"]) == (True, True, "B-LTA")
    assert report["long_term"]["valid"] is True
    assert len(report["archive_timestamps"]) == 2
    assert all(ts["intact"] and ts["trusted"] for ts in report["archive_timestamps"])
    assert report["archive_timestamps"][1]["at"] > report["archive_timestamps"][0]["at"]


def test_ten_years_ahead_without_the_renewal_the_result_is_not_trusted(signed):
    pki, data, _renewed, t0 = signed
    report = _verify_at(pki, data, t0 + TEN_YEARS)
    assert report["intact"] is True
    assert report["trusted"] is False
    assert report["long_term"]["valid"] is False


def test_today_the_renewed_result_is_trusted_as_signed(signed):
    pki, _data, renewed, t0 = signed
    report = verify_pdf(renewed, S.load_certs([pki.root_cert_path]))
    assert (report["intact"], report["trusted"], report["long_term"]) == (True, True, None)
