"""Bench: the payment notification and the PDF slips, beside a bare Pyramid+ZODB GET.

- ``POST /@@payment-notify`` for an already-confirmed transaction with a
  fresh nonce (signature check, freshness, ledger look-up; no write);
- ``GET /dossiers/<code>/@@slip/receipt`` and ``@@payment-receipt`` (reportlab
  render with the DejaVu fonts and a QR code).
"""
import secrets
import sys
import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).parent))

from bench_app import demo_settings, init_demo, login  # noqa: E402
from harness import measure, measure_baseline, report, report_baseline  # noqa: E402
from webtest import TestApp  # noqa: E402

from tthc_docs.catalog import fees  # noqa: E402
from tthc_docs import timeutil  # noqa: E402
from tthc_docs.dossiers import workflow  # noqa: E402
from tthc_docs.dossiers.calendar import calendar_for  # noqa: E402
from tthc_docs.payments import signing, vnpay  # noqa: E402
from tthc_docs.dossiers.content import Dossier  # noqa: E402

PAY = {"tthc_docs.payment.gateway_url": "http://127.0.0.1:9/pay",
       "tthc_docs.payment.merchant": "BENCH", "tthc_docs.payment.secret": "bench-" + "s" * 32}
CODES = {}


def file_dossiers(site):
    """One dossier to pay online and one paid and received (for the slips)."""
    now = timeutil.now()
    version = site["procedures"]["2.000635"].published_version()
    vault = site["vaults"].for_owner("citizen1")
    for key in ("pay", "slips"):
        d = Dossier(owner="citizen1", vault_id=vault.id, procedure=version, agency="000.00.20.H55",
                    channel="online", data={}, form_name=None, form_version=None, attachments=[],
                    fee_amount=fees.quote(version, "online").amount, submitted_at=now,
                    submitted_by="citizen1")
        site["dossiers"].file(d, now)
        CODES[key] = d.code
    slips = site["dossiers"][CODES["slips"]]
    slips.record_payment("vnpay", slips.code + "_bench", slips.fee_amount, now)
    slips.transition("receive", workflow.Context(
        login="reception1", roles=frozenset({workflow.RECEPTION}), now=now,
        calendar=calendar_for(site), name="Cán bộ Một Cửa"))


def notification(request_params):
    """A signed, fresh notification for a payment request."""
    now = timeutil.now()
    params = vnpay.result_params(request_params, success=True, transaction_no="1", paid_at=now)
    params.update(vnp_Nonce=secrets.token_hex(16), vnp_NotifyDate=vnpay.format_time(now))
    return signing.sign(params, PAY["tthc_docs.payment.secret"])


def main():
    from tthc_docs import main as make_app
    baseline = measure_baseline()
    report_baseline(baseline)
    folder = Path(tempfile.mkdtemp(prefix="bench-payments-"))
    init_demo(folder, file_dossiers)
    app = make_app({}, **dict(demo_settings(folder), **PAY))
    citizen = login(TestApp(app, extra_environ={"HTTP_HOST": "example.com"}), "citizen1")
    gateway = TestApp(app, extra_environ={"HTTP_HOST": "example.com"})
    json_headers = {"Accept": "application/json"}
    pay_url = f"/dossiers/{CODES['pay']}/@@pay"
    redirect = citizen.post(pay_url, headers=json_headers).json["redirect"]
    request_params = dict(parse_qsl(urlsplit(redirect).query))
    assert gateway.post("/@@payment-notify", notification(request_params)).json["RspCode"] == "00"

    report("POST @@payment-notify (verified, repeated)", measure(
        lambda: gateway.post("/@@payment-notify", notification(request_params)), n=300), baseline)
    report("GET @@slip/receipt (PDF)", measure(
        lambda: citizen.get(f"/dossiers/{CODES['slips']}/@@slip/receipt"), n=100, warmup=5),
        baseline)
    report("GET @@payment-receipt (PDF)", measure(
        lambda: citizen.get(f"/dossiers/{CODES['slips']}/@@payment-receipt"), n=100, warmup=5),
        baseline)


if __name__ == "__main__":
    main()
