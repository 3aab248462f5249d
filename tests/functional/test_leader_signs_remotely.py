"""Journey: a leader signs on the phone through a remote signing service (CSC API v1).

The development CSC service and the revocation server run for real on
loopback ports; the app holds no key. Results are checked by our verifier,
by pyHanko's own CLI and by poppler's pdfsig with the root in an NSS database.
"""
import shutil
import subprocess

import pytest

from csc_support import Phone, csc_service, remote_pki, remote_signing, service_code  # noqa: F401
from dossier_support import clock, docs, procedure  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, result_bytes, sign  # noqa: F401
from tthc_docs.people import totp
from tthc_docs.signing.verify import verify_pdf
from tthc_docs.signing.sign import load_certs


def _sign_on_phone(login, edit_site, code, service, **phone):
    phone = Phone(service, **phone)
    phone.start()
    res = sign(login("leader1"), code, totp.current_code(enrol(edit_site)), status="*")
    phone.join(10)
    return res, phone


@pytest.fixture
def signed(login, edit_site, procedure, docs, remote_signing, fresh_throttle):
    code = awaiting(login, edit_site, docs)
    res, phone = _sign_on_phone(login, edit_site, code, remote_signing)
    assert res.status_int == 200, res.text
    return code, result_bytes(edit_site, code), phone


def test_the_leader_approves_on_the_phone_and_the_result_is_issued(signed, edit_site):
    code, data, phone = signed
    assert phone.answers == [(200, {"approved": True})] and code in phone.seen["description"]
    with edit_site() as site:
        assert site["dossiers"][code].status == "result_ready"
        assert site["people"]["leader1"].csc_credential == "cred-leader1"


def test_the_app_holds_no_key_of_the_leader(remote_pki):
    assert not list(remote_pki.dir.glob("*.p12"))


def test_the_remote_result_is_b_lta_and_trusted(signed, remote_pki):
    report = verify_pdf(signed[1], load_certs([remote_pki.root_cert_path]))
    assert (report["intact"], report["trusted"], report["level"], report["signer"]) == \
        (True, True, "B-LTA", "Đặng Quốc Bảo")


def test_pyhanko_cli_judges_the_result_valid(signed, remote_pki, tmp_path):
    cli = shutil.which("pyhanko") or shutil.which("pyhanko", path=str(
        __import__("pathlib").Path(__import__("sys").executable).parent))
    if cli is None:
        pytest.skip("pyhanko-cli is not installed (make install adds it with the test extra)")
    pdf = tmp_path / "result.pdf"
    pdf.write_bytes(signed[1])
    out = subprocess.run([cli, "sign", "validate", "--trust", str(remote_pki.root_cert_path),
                          str(pdf)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "INTACT:TRUSTED" in out.stdout, out.stdout + out.stderr


def test_pdfsig_judges_the_result_valid(signed, remote_pki, tmp_path):
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        pytest.skip("pdfsig/certutil missing: `make system-packages` installs poppler-utils "
                    "and libnss3-tools")
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "tthc-docs dev root",
                    "-t", "CT,C,C", "-i", str(remote_pki.root_cert_path)], check=True)
    pdf = tmp_path / "result.pdf"
    pdf.write_bytes(signed[1])
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True,
                         text=True, timeout=120)
    assert "Signature is Valid" in out.stdout and "Certificate is Trusted" in out.stdout, \
        out.stdout + out.stderr
