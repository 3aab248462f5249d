"""Re-timestamping (PAdES B-LTA): due when the last TSA certificate nears its end; a new version."""
import datetime

import pytest

from tthc_docs.pdf.result import render_result
from tthc_docs.signing import archive, sign as S
from tthc_docs.signing.devpki import DevPki, LeaderSpec
from tthc_docs.signing.signer import load_identity
from tthc_docs.signing.verify import verify_pdf

UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    pki = DevPki(tmp_path_factory.mktemp("lta-pki")).create(
        [LeaderSpec("leader1", "Trần Văn Lãnh", "000.00.20.H55", "Trung tâm", "")])
    settings = {"tthc_docs.pki_dir": str(pki.dir), "tthc_docs.trust_roots": str(pki.root_cert_path)}
    rendered = render_result({"code": "C-1", "procedure_code": "1", "procedure_name": "Khai sinh",
                              "agency_name": "Trung tâm", "signer_name": "Trần Văn Lãnh",
                              "verify_url": "http://127.0.0.1:6543/@@verify",
                              "issued_at": datetime.date(2026, 11, 27)})
    data = S.sign_pdf(rendered.data, load_identity(settings, "leader1"),
                      S.signing_from_settings(settings), box=rendered.signature_box,
                      reason=S.reason_for("C-1"), lines=["Đã ký số"])
    return pki, settings, data


def test_a_fresh_result_is_not_due(setup):
    _pki, _settings, data = setup
    assert not archive.due(data, datetime.datetime.now(UTC), margin_days=730)


def test_a_result_near_its_tsa_expiry_is_due(setup):
    _pki, _settings, data = setup
    assert archive.due(data, datetime.datetime.now(UTC) + datetime.timedelta(days=2500), 730)


def test_renewal_extends_the_file_and_stays_b_lta_and_intact(setup):
    pki, settings, data = setup
    renewed = archive.add_archive_timestamp(data, S.signing_from_settings(settings))
    report = verify_pdf(renewed, S.load_certs([pki.root_cert_path]))
    assert renewed.startswith(data) and len(renewed) > len(data)
    assert (report["level"], report["intact"], report["modified_after_signing"]) == ("B-LTA", True, False)


def test_an_info_update_after_signing_is_not_simply_intact(setup):
    import io
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    pki, _settings, data = setup
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.trailer["/Info"] = writer.add_object(generic.DictionaryObject(
        {generic.NameObject("/Author"): generic.TextStringObject("ai đó")}))
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), S.load_certs([pki.root_cert_path]))
    assert (report["signed_part_intact"], report["intact"], report["modified_after_signing"]) == \
        (True, False, True)
    assert any("thông tin mô tả tệp" in p for p in report["added_after_signing"])
    assert any("không còn đúng như khi ký" in p for p in report["problems"])
