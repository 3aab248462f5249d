"""The independent validators, with the clock moved ten years ahead (libfaketime).

Issue 19 asks that ``pyhanko sign validate`` (the trust root only) and
poppler's ``pdfsig`` judge a re-timestamped result valid ten years on. What
they do today, run for real under a clock 3653 days ahead, with the
development PKI's CRLs and OCSP responder served on loopback under the same
clock (the agency CA, 20 years long, still publishes):

- ``pyhanko sign adesverify --trust ROOT`` (pyHanko's AdES validator: the
  past-validation and time-slide of ETSI EN 319 102-1 §5.6.3 over the
  archive timestamps) judges the re-timestamped result valid, and the one
  never re-timestamped not valid: the real check, it passes.
- ``pyhanko sign validate --trust ROOT`` validates at "now" only (a point
  in time, no archive-timestamp chain in pyHanko 0.38): ten years on it
  reports the leader's expired certificate. Valid today. Documented here,
  not faked: see the README's signing notes.
- ``pdfsig`` (poppler 22.12) checks the signer's certificate at "now" and
  does not validate RFC 3161 document timestamps: "Certificate has Expired".

Legal basis of the keeping: Law on Electronic Transactions 2023
(20/2023/QH15) — a data message kept as the original stays verifiable as
long as it is kept; Decree 23/2025/NĐ-CP counts timestamping among the
trust services.
"""
import datetime
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from freezegun import freeze_time

from tthc_docs.pdf.result import render_result
from tthc_docs.signing import archive, devpki, sign as S
from tthc_docs.signing.devpki import DevPki, LeaderSpec
from tthc_docs.signing.signer import load_identity

LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
PYHANKO = Path(sys.executable).parent / "pyhanko"
TEN_YEARS = datetime.timedelta(days=3653)
UTC = datetime.timezone.utc
SERVE = ("import sys, waitress; from tthc_docs.signing.revocation import RevocationApp; "
         "waitress.serve(RevocationApp(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
         "_quiet=True)")

pytestmark = pytest.mark.skipif(
    not (LIBFAKETIME.is_file() and PYHANKO.is_file() and shutil.which("pdfsig")
         and shutil.which("certutil")),
    reason="needs libfaketime, pyhanko-cli, pdfsig and certutil (`make install` installs them)")


def _clock(moment):
    """The environment that runs a program under ``moment`` (libfaketime, clock running)."""
    if moment is None:
        return dict(os.environ)
    return dict(os.environ, LD_PRELOAD=str(LIBFAKETIME),
                FAKETIME=f"@{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S}", TZ="UTC")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """(pki, port, signed today, re-timestamped before the first TSA certificate ends, T0)."""
    folder, port = tmp_path_factory.mktemp("ten-years-cli"), _free_port()
    pki = DevPki(folder / "pki").create(
        [LeaderSpec("leader1", "Trần Văn Lãnh", "000.00.20.H55", "Trung tâm", "")],
        base_url=f"http://127.0.0.1:{port}")
    settings = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    t0 = datetime.datetime.now(UTC).replace(microsecond=0)
    rendered = render_result({"code": "C-CLI", "procedure_code": "1", "procedure_name": "Khai sinh",
                              "agency_name": "Trung tâm", "signer_name": "Trần Văn Lãnh",
                              "verify_url": "http://127.0.0.1:6543/@@verify",
                              "issued_at": t0.date()})
    signed = S.sign_pdf(rendered.data, load_identity(settings, "leader1"),
                        S.signing_from_settings(settings), box=rendered.signature_box,
                        reason=S.reason_for("C-CLI"), lines=["Đã ký số"])
    renewal = t0 + datetime.timedelta(days=devpki.TSA_DAYS - 500)   # as `retimestamp` would
    with freeze_time(renewal):
        pki.renew_tsa(renewal)
        pki.publish_crls(renewal)
        renewed = archive.add_archive_timestamp(signed, S.signing_from_settings(settings),
                                                moment=renewal)
    (folder / "signed.pdf").write_bytes(signed)
    (folder / "renewed.pdf").write_bytes(renewed)
    return pki, port, folder / "signed.pdf", folder / "renewed.pdf", t0


@pytest.fixture
def at(results):
    """``with at(moment):`` the CAs publish as of ``moment`` and the revocation server runs under it."""
    from contextlib import contextmanager
    pki, port = results[0], results[1]

    @contextmanager
    def run(moment):
        pki.publish_crls(moment or datetime.datetime.now(UTC))
        server = subprocess.Popen([sys.executable, "-c", SERVE, str(pki.dir), str(port)],
                                  env=_clock(moment))
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield
        finally:
            server.terminate()
            server.wait(10)
    return run


def _pyhanko(command, pki, pdf, moment):
    out = subprocess.run([str(PYHANKO), "sign", command, "--trust", str(pki.root_cert_path),
                          str(pdf)], capture_output=True, text=True, timeout=180, env=_clock(moment))
    return out.returncode, out.stdout + out.stderr


def _pdfsig(pki, pdf, moment, tmp_path):
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "tthc-docs dev root",
                    "-t", "CT,C,C", "-i", str(pki.root_cert_path)], check=True)
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True,
                         text=True, timeout=120, env=_clock(moment))
    return out.stdout + out.stderr


def test_ten_years_ahead_pyhanko_adesverify_judges_the_renewed_result_valid(results, at):
    pki, _port, _signed, renewed, t0 = results
    with at(t0 + TEN_YEARS):
        code, out = _pyhanko("adesverify", pki, renewed, t0 + TEN_YEARS)
    assert code == 0 and ":INTACT:TRUSTED," in out and "EXTENDED_WITH_LTA_UPDATES" in out, out


def test_ten_years_ahead_without_the_renewal_adesverify_judges_it_not_valid(results, at):
    pki, _port, signed, _renewed, t0 = results
    with at(t0 + TEN_YEARS):
        code, out = _pyhanko("adesverify", pki, signed, t0 + TEN_YEARS)
    assert code != 0 and ":INTACT:UNTRUSTED," in out, out


def test_today_pyhanko_sign_validate_judges_the_result_valid(results, at):
    pki, _port, signed, _renewed, _t0 = results
    with at(None):
        code, out = _pyhanko("validate", pki, signed, None)
    assert code == 0 and ":INTACT:TRUSTED," in out, out


def test_ten_years_ahead_pyhanko_sign_validate_only_sees_the_expired_certificate(results, at):
    """pyHanko 0.38's ``sign validate`` validates at now, not through the archive timestamps."""
    pki, _port, _signed, renewed, t0 = results
    with at(t0 + TEN_YEARS):
        code, out = _pyhanko("validate", pki, renewed, t0 + TEN_YEARS)
    assert code != 0 and ":INTACT:UNTRUSTED," in out and "certificate expired" in out, out


def test_ten_years_ahead_pdfsig_checks_the_certificate_at_now(results, at, tmp_path):
    """poppler's pdfsig: the signature intact, the certificate expired, timestamps not validated."""
    pki, _port, _signed, renewed, t0 = results
    with at(t0 + TEN_YEARS):
        out = _pdfsig(pki, renewed, t0 + TEN_YEARS, tmp_path)
    assert "Signature is Valid" in out, out
    assert "Certificate has Expired" in out, out
    assert "Unable to validate this type of signature" in out, out
