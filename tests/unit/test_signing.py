"""Signing round trips against pyHanko's own validator; tampering, trust and certificate problems."""
import datetime
import io
import re
import stat

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tthc_docs import errors
from tthc_docs.pdf.result import render_result
from tthc_docs.signing import sign as S
from tthc_docs.signing.devpki import DevPki, LeaderSpec
from tthc_docs.signing.signer import SigningRefused, load_identity, parse_signers
from tthc_docs.signing.verify import verify_pdf

AGENCY = "000.00.20.H55"
AGENCY_NAME = "Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên"
UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """One development PKI for the module: a good, an expired and a revoked leader."""
    pki = DevPki(tmp_path_factory.mktemp("pki")).create(
        [LeaderSpec("leader1", "Trần Văn Lãnh", AGENCY, AGENCY_NAME, "Phó Giám đốc"),
         LeaderSpec("revoked1", "Lê Văn Hủy", AGENCY, AGENCY_NAME)])
    now = datetime.datetime.now(UTC)
    pki.issue_leader(LeaderSpec("expired1", "Phạm Văn Cũ", AGENCY, AGENCY_NAME),
                     not_before=now - datetime.timedelta(days=400), not_after=now - datetime.timedelta(days=2))
    return pki


@pytest.fixture(scope="module")
def settings(pki):
    return {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}


@pytest.fixture(scope="module")
def signing(settings):
    return S.signing_from_settings(settings)


@pytest.fixture(scope="module")
def rendered():
    return render_result({"code": "000.00.20.H55-261127-0001", "procedure_code": "1.001193",
                          "procedure_name": "Đăng ký khai sinh", "agency_name": AGENCY_NAME,
                          "signer_name": "Trần Văn Lãnh", "verify_url": "http://127.0.0.1:6543/@@verify",
                          "issued_at": datetime.date(2026, 11, 27)})


def _sign(rendered, identity, signing, **kw):
    return S.sign_pdf(rendered.data, identity, signing, box=rendered.signature_box,
                      reason=S.reason_for("000.00.20.H55-261127-0001"),
                      lines=S.stamp_lines("Trần Văn Lãnh", AGENCY_NAME, datetime.datetime.now(UTC)), **kw)


@pytest.fixture(scope="module")
def signed(rendered, settings, signing):
    return _sign(rendered, load_identity(settings, "leader1"), signing)


def _verify(data, signing, **kw):
    return verify_pdf(data, signing.trust_roots, signing.crls, **kw)


def test_dev_pki_writes_the_root_certificate(pki):
    assert pki.root_cert_path.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_dev_pki_keeps_keys_and_passphrases_private(pki):
    for path in [pki.dir / "root-ca.key", *pki.identity_paths("leader1")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_dev_pki_is_idempotent(pki):
    before = pki.root_cert_path.read_bytes()
    pki.create([LeaderSpec("leader1", "Trần Văn Lãnh", AGENCY, AGENCY_NAME)])
    assert pki.root_cert_path.read_bytes() == before


def test_parse_signers_reads_identity_and_files():
    assert parse_signers("leader1:/p/l.p12:/p/l.pass") == {"leader1": ("/p/l.p12", "/p/l.pass")}


def test_parse_signers_refuses_a_malformed_entry():
    with pytest.raises(ValueError):
        parse_signers("leader1:/p/l.p12")


def test_signed_result_is_signed_intact_trusted_timestamped(signed, signing):
    report = _verify(signed, signing)
    assert (report["signed"], report["intact"], report["trusted"], report["timestamped"]) == (True,) * 4


def test_report_names_signer_and_dossier(signed, signing):
    report = _verify(signed, signing)
    assert report["signer"] == "Trần Văn Lãnh" and report["dossier"] == "000.00.20.H55-261127-0001"


def test_report_time_is_vietnamese_iso(signed, signing):
    assert _verify(signed, signing)["signed_at"].endswith("+07:00")


def test_validation_data_is_embedded(signed):
    assert b"/DSS" in signed


def test_visible_stamp_is_on_the_signer_block(signed, rendered):
    from pyhanko.pdf_utils.reader import PdfFileReader
    sig = PdfFileReader(io.BytesIO(signed)).embedded_regular_signatures[0]
    rect = [float(v) for v in sig.sig_field["/Rect"]]
    assert rect[0] == pytest.approx(int(rendered.signature_box[1]))


def test_unsigned_pdf_is_reported_unsigned(rendered, signing):
    report = _verify(rendered.data, signing)
    assert report["signed"] is False and report["trusted"] is False


def _first_stream_body(pdf):
    """The offset of the first byte inside the first stream's data: read by its length, never
    parsed, so a flip there changes what was signed without breaking the file's structure
    (a flip at a fixed offset sometimes hit an object header and made the file unreadable)."""
    found = re.search(rb"[^d]stream\r?\n", pdf)
    return found.end()


def test_a_flipped_byte_is_caught(signed, signing):
    data = bytearray(signed)
    data[_first_stream_body(signed) + 4] ^= 0x01
    assert _verify(bytes(data), signing)["intact"] is False


def test_an_incremental_update_altering_content_is_caught(signed, signing):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (HUY) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))
    out = io.BytesIO()
    writer.write(out)
    report = _verify(out.getvalue(), signing)
    assert report["intact"] is False and report["trusted"] is False


def test_an_unknown_root_is_untrusted(signed, signing):
    report = verify_pdf(signed, (), signing.crls)
    assert report["intact"] is True and report["trusted"] is False


def test_a_signature_by_another_pki_is_untrusted(rendered, signing, tmp_path):
    other = DevPki(tmp_path / "other").create([LeaderSpec("mallory", "Trần Văn Lãnh", AGENCY, AGENCY_NAME)])
    other_settings = {"tthc_docs.pki_dir": str(other.dir), "tthc_docs.trust_roots": str(other.root_cert_path)}
    data = _sign(rendered, load_identity(other_settings, "mallory"), S.signing_from_settings(other_settings))
    assert _verify(data, signing)["trusted"] is False


def test_time_pinned_before_validity_is_untrusted(signed, signing):
    report = _verify(signed, signing, moment=datetime.datetime(2020, 1, 1, tzinfo=UTC))
    assert report["trusted"] is False


def test_expired_certificate_cannot_sign(rendered, settings, signing):
    identity = load_identity(settings, "expired1")
    with pytest.raises(SigningRefused):
        identity.check_valid_at(datetime.datetime.now(UTC))


def test_pyhanko_refuses_an_expired_certificate_too(rendered, settings, signing):
    with pytest.raises(SigningRefused, match="không được xác thực"):
        _sign(rendered, load_identity(settings, "expired1"), signing)


def test_revoked_certificate_is_reported_and_cannot_sign(rendered, pki, settings, signing):
    data = _sign(rendered, load_identity(settings, "revoked1"), signing)
    pki.revoke("revoked1", AGENCY)
    fresh = S.Signing(signing.trust_roots, S.load_crls(pki.crl_paths()), signing.timestamper)
    report = verify_pdf(data, fresh.trust_roots, fresh.crls)
    assert report["revoked"] is True and report["trusted"] is False
    with pytest.raises(SigningRefused):
        _sign(rendered, load_identity(settings, "revoked1"), fresh)


def test_wrong_passphrase_is_refused(pki, settings, tmp_path):
    p12, _ = pki.identity_paths("leader1")
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("not-the-passphrase")
    with pytest.raises(SigningRefused, match="mật khẩu"):
        load_identity({"tthc_docs.signers": f"x:{p12}:{wrong}"}, "x")


def test_missing_passphrase_file_is_refused(pki, tmp_path):
    p12, _ = pki.identity_paths("leader1")
    with pytest.raises(SigningRefused, match="mật khẩu"):
        load_identity({"tthc_docs.signers": f"x:{p12}:{tmp_path / 'none.pass'}"}, "x")


def test_unknown_identity_is_refused(settings):
    with pytest.raises(SigningRefused):
        load_identity(settings, "nobody")


def test_identity_is_parsed_once(settings):
    assert load_identity(settings, "leader1") is load_identity(settings, "leader1")


def test_non_pdf_is_unsupported(signing):
    with pytest.raises(errors.UnsupportedType):
        _verify(b"GIF89a not a pdf", signing)


def test_huge_file_is_too_large(signing):
    with pytest.raises(errors.TooLarge):
        verify_pdf(b"%PDF-1.7\n" + bytes(2048), signing.trust_roots, max_bytes=1024)


def test_broken_pdf_is_invalid(signing):
    with pytest.raises(errors.Invalid):
        _verify(b"%PDF-1.7\nthis is not really a pdf", signing)


def test_encrypted_pdf_is_refused(rendered, signing):
    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from pyhanko.pdf_utils.reader import PdfFileReader
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(rendered.data)))
    writer.encrypt("secret", "secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(errors.Invalid, match="mã hóa"):
        _verify(out.getvalue(), signing)


@pytest.fixture
def loopback_tsa(pki):
    """An RFC 3161 TSA over HTTP on 127.0.0.1 (the dev PKI's TSA key), for the tsa_url path."""
    import http.server
    import threading
    from asn1crypto import tsp
    stamper = S.local_timestamper(pki.dir)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            req = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(req).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/tsa"
    server.shutdown()
    server.server_close()


def test_timestamp_from_a_configured_tsa_url(rendered, settings, loopback_tsa):
    configured = S.signing_from_settings(dict(settings, **{"tthc_docs.tsa_url": loopback_tsa}))
    data = _sign(rendered, load_identity(settings, "leader1"), configured)
    assert _verify(data, configured)["timestamped"] is True


def test_an_unreachable_tsa_refuses_signing(rendered, settings):
    down = S.signing_from_settings(dict(settings, **{"tthc_docs.tsa_url": "http://127.0.0.1:9/tsa"}))
    with pytest.raises(SigningRefused, match="dấu thời gian"):
        _sign(rendered, load_identity(settings, "leader1"), down)


def test_a_certificate_expired_after_signing_stays_trusted_thanks_to_the_timestamp(signed, signing, pki):
    from asn1crypto import crl as asn1_crl, pem
    later = datetime.datetime.now(UTC) + datetime.timedelta(days=3 * 365)
    fresh = [asn1_crl.CertificateList.load(pem.unarmor(data)[2]) for data in pki.crls_at(later)]
    report = verify_pdf(signed, signing.trust_roots, fresh, moment=later)
    assert report["trusted"] is True and report["timestamped"] is True


def test_a_later_document_timestamp_keeps_the_signature_intact(signed, signing):
    from pyhanko.sign.signers import PdfTimeStamper
    out = io.BytesIO()
    PdfTimeStamper(signing.timestamper).timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(signed)), "sha256", output=out)
    report = _verify(out.getvalue(), signing)
    assert report["intact"] is True and report["trusted"] is True


def test_the_passphrase_never_reaches_the_log(rendered, pki, settings, signing, caplog, tmp_path):
    caplog.set_level("DEBUG")
    passphrase = pki.identity_paths("leader1")[1].read_text().strip()
    _sign(rendered, load_identity(settings, "leader1"), signing)
    wrong = tmp_path / "wrong.pass"
    wrong.write_text(passphrase[::-1])
    with pytest.raises(SigningRefused) as info:
        load_identity({"tthc_docs.signers": f"y:{pki.identity_paths('leader1')[0]}:{wrong}"}, "y")
    assert passphrase not in caplog.text and passphrase[::-1] not in str(info.value)


def test_corrupted_files_give_a_report_or_a_4xx_never_a_crash(signed, signing):
    import random
    rng = random.Random(7)
    for _ in range(25):
        data = bytearray(signed)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            report = _verify(bytes(data), signing)
        except errors.DomainError as exc:
            assert 400 <= exc.status < 500
        else:
            assert report["signed"] is False or report["intact"] is False or report["trusted"]


def test_a_new_crl_is_picked_up_without_a_restart(rendered, tmp_path):
    pki = DevPki(tmp_path / "pki").create([LeaderSpec("l9", "Ngô Văn Chín", AGENCY, AGENCY_NAME)])
    conf = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    data = _sign(rendered, load_identity(conf, "l9"), S.signing_from_settings(conf))
    pki.revoke("l9", AGENCY)
    report = verify_pdf(data, S.signing_from_settings(conf).trust_roots, S.signing_from_settings(conf).crls)
    assert report["revoked"] is True
