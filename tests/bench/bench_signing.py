"""Signing bench: render + sign, and verify, beside bare pyHanko on the same PDF in the same run.

"bare pyHanko" is the stock ``SimpleSigner`` from the same PKCS#12 signing
the same rendered PDF with ``signers.sign_pdf`` (invisible, no timestamp,
no validation data), and pyHanko's ``validate_pdf_signature`` with a plain
trust-root context. Ours adds the visible stamp, the RFC 3161 timestamp
(in-process TSA) and the B-LT validation data, but keeps the parsed key and
reserves the signature size. The ratio to the bare figure is the overhead.

Remote signing (CSC API v1) signs the same PDF through the development CSC
service on a loopback port, through the same ``service.sign_items`` the app
calls: ``credentials/info``, ``credentials/authorize``, ``signatures/signHash``
(the hash round trip) and the check of the returned signature, beside local
signing (``sign_items`` with the PKCS#12 on the server) in the same run.
The leader's approval on the phone is a person's time, not the system's:
here the service approves at once (``_InstantPhone``); a batch of five shows
what one authorisation for several documents saves.
"""
import datetime
import io
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from harness import measure  # noqa: E402

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # noqa: E402
from pyhanko.pdf_utils.reader import PdfFileReader  # noqa: E402
from pyhanko.sign import signers  # noqa: E402
from pyhanko.sign.validation import validate_pdf_signature  # noqa: E402
from pyhanko_certvalidator import ValidationContext  # noqa: E402

import shutil  # noqa: E402
import threading  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import waitress.server  # noqa: E402

from tthc_docs.pdf.result import render_result  # noqa: E402
from tthc_docs.signing import service as issuing  # noqa: E402
from tthc_docs.signing.csc_dev import DevCscService  # noqa: E402
from tthc_docs.signing import sign as S  # noqa: E402
from tthc_docs.signing.devpki import DevPki, LeaderSpec  # noqa: E402
from tthc_docs.signing.signer import load_identity  # noqa: E402
from tthc_docs.signing.verify import verify_pdf  # noqa: E402

N = 30
AGENCY_NAME = "Trung tâm Phục vụ hành chính công tỉnh Thái Nguyên"
RESULT = {"code": "000.00.20.H55-261127-0001", "procedure_code": "1.001193",
          "procedure_name": "Đăng ký khai sinh", "agency_name": AGENCY_NAME,
          "parent_agency": "Ủy ban nhân dân tỉnh Thái Nguyên", "applicant_name": "Nguyễn Thị Lan",
          "facts": [("Họ và tên", "Nguyễn Thị Lan"), ("Ngày sinh", "01/02/1990"),
                    ("Nơi cư trú", "Số 5 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên")],
          "signer_name": "Đặng Quốc Bảo", "signer_title": "Phó Giám đốc",
          "signer_authority": "KT. Giám đốc", "verify_url": "http://127.0.0.1:6543/@@verify",
          "issued_at": datetime.date(2026, 11, 27)}


def line(name, stats, bare=None, against="bare"):
    ratio = f"   x{stats['median'] / bare['median']:5.2f} {against}" if bare else ""
    print(f"{name:<46} median {stats['median']:7.1f} ms   p95 {stats['p95']:7.1f} ms{ratio}", flush=True)


class _InstantPhone(DevCscService):
    """The development service with a leader who approves every request at once."""

    def csc_credentials_authorize(self, body):
        return super().csc_credentials_authorize(dict(body, OTP="approved"))

    def _check_code(self, cred, code):
        pass


def remote_settings(pki, settings):
    """``settings`` pointed at a development CSC service on loopback holding the leader's key."""
    keys = Path(tempfile.mkdtemp(prefix="bench-csc-keys-"))
    for path in pki.identity_paths("leader1"):
        shutil.copy(path, keys / path.name)
    server = waitress.server.create_server(_InstantPhone(keys, keys / "state"), host="127.0.0.1",
                                           port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return dict(settings, **{"tthc_docs.csc.url": f"http://127.0.0.1:{server.effective_port}",
                             "tthc_docs.signing.local_fallback": "false"})


def item(pdf):
    return issuing.Prepared(SimpleNamespace(code=RESULT["code"]), None,
                            {"agency_name": AGENCY_NAME}, pdf)


def bench_remote(pki, settings, pdf):
    """Local beside remote signing of the same PDF, through ``service.sign_items``."""
    remote = remote_settings(pki, settings)
    account = SimpleNamespace(signer="leader1", csc_credential="cred-leader1", login="leader1")
    roots = S.signing_from_settings(settings).trust_roots

    def local_sign(count=1):
        return issuing.sign_items([item(pdf)] * count, account, settings, datetime.datetime.now(datetime.timezone.utc))

    def remote_sign(count=1):
        return issuing.sign_items([item(pdf)] * count, account, remote, datetime.datetime.now(datetime.timezone.utc))

    assert verify_pdf(remote_sign()[0], roots)["trusted"] and len(remote_sign(5)) == 5
    local_s = measure(local_sign, n=N, warmup=3)
    line("local sign_items (PKCS#12 on the server)", local_s)
    line("remote sign_items (CSC: hash round trip)", measure(remote_sign, n=N, warmup=3),
         local_s, "local")
    line("remote, batch of 5, per batch", measure(lambda: remote_sign(5), n=N // 3, warmup=1),
         local_s, "local")


def main():
    logging.disable(logging.WARNING)
    pki = DevPki(Path(tempfile.mkdtemp(prefix="bench-pki-"))).create(
        [LeaderSpec("leader1", "Đặng Quốc Bảo", "000.00.20.H55", AGENCY_NAME, "Phó Giám đốc")])
    settings = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    signing = S.signing_from_settings(settings)
    identity = load_identity(settings, "leader1")
    p12, passfile = pki.identity_paths("leader1")
    stock = signers.SimpleSigner.load_pkcs12_data(p12.read_bytes(), (), passfile.read_bytes().strip())
    pdf = render_result(RESULT)

    def bare_sign():
        out = io.BytesIO()
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf.data)),
                         signers.PdfSignatureMetadata(field_name="Sig"), signer=stock, output=out)
        return out.getvalue()

    def ours_sign():
        return S.sign_pdf(pdf.data, identity, signing, box=pdf.signature_box,
                          reason=S.reason_for(RESULT["code"]),
                          lines=S.stamp_lines("Đặng Quốc Bảo", AGENCY_NAME, datetime.datetime.now()))

    def ours_render_sign():
        rendered = render_result(RESULT)
        return S.sign_pdf(rendered.data, identity, signing, box=rendered.signature_box,
                          reason=S.reason_for(RESULT["code"]),
                          lines=S.stamp_lines("Đặng Quốc Bảo", AGENCY_NAME, datetime.datetime.now()))

    bare_signed, ours_signed = bare_sign(), ours_sign()

    def bare_verify():
        sig = PdfFileReader(io.BytesIO(bare_signed)).embedded_signatures[0]
        return validate_pdf_signature(sig, ValidationContext(trust_roots=list(signing.trust_roots)))

    def ours_verify():
        return verify_pdf(ours_signed, signing.trust_roots, signing.crls)

    assert ours_verify()["trusted"] and bare_verify().trusted
    print(f"signed sizes: bare {len(bare_signed) // 1024} kB, ours {len(ours_signed) // 1024} kB "
          f"(rendered {len(pdf.data) // 1024} kB)")
    bare_s = measure(bare_sign, n=N, warmup=3)
    line("bare pyHanko sign (stock SimpleSigner)", bare_s)
    line("ours: sign (stamp + TSA + B-LT)", measure(ours_sign, n=N, warmup=3), bare_s)
    line("ours: render result", measure(lambda: render_result(RESULT), n=N, warmup=3), bare_s)
    line("ours: render + sign", measure(ours_render_sign, n=N, warmup=3), bare_s)
    bare_v = measure(bare_verify, n=N, warmup=3)
    line("bare pyHanko validate", bare_v)
    line("ours: verify (report, DSS, CRLs)", measure(ours_verify, n=N, warmup=3), bare_v)
    bench_remote(pki, settings, pdf)


if __name__ == "__main__":
    main()
