"""Forms: schema building, validation and rendering, alone and over HTTP.

Setup (not timed): a demo database (23 published demo forms).  Then, beside
the bare Pyramid+ZODB baseline of `harness` measured in the same run:
- `validate_data` of the largest demo form (schema built each time, as
  `@@apply` does), with prefilled fields omitted;
- `render_form` of that form for a citizen (deform, prefilled);
- `GET /forms/<name>` as JSON (anonymous);
- `GET /forms/<name>` as the citizen's HTML page (rendering included).
Run: `.venv/bin/python tests/bench/bench_forms.py` (or `make bench`).
"""
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_app import demo_client, login  # noqa: E402
from harness import measure, measure_baseline, report, report_baseline  # noqa: E402

N = int(os.environ.get("BENCH_N", 300))
JSON = {"Accept": "application/json"}
PROFILE = {
    'full_name': 'Nguyễn Thị Lan', 'birth_date': '1988-05-12', 'sex': 'Nữ',
    'id_number': '019188012345', 'phone': '0905123456', 'email': 'lan@example.vn',
    'permanent_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
    'current_address': '12 Hoàng Văn Thụ, phường Phan Đình Phùng, tỉnh Thái Nguyên',
}
TYPED = {
    'quan_he': 'Mẹ', 'ks_ho_ten': 'Trần Minh Khôi', 'ks_gioi_tinh': 'Nam',
    'ks_ngay_sinh': '02/03/2027', 'ks_noi_sinh': 'Bệnh viện Trung ương Thái Nguyên',
    'ks_dan_toc': 'Kinh', 'ks_quoc_tich': 'Việt Nam', 'ks_que_quan': 'Xã Đại Từ, Thái Nguyên',
    'cha_ho_ten': 'Trần Văn Hùng', 'cha_nam_sinh': '1985', 'cha_dan_toc': 'Kinh',
    'cha_quoc_tich': 'Việt Nam', 'cha_noi_cu_tru': 'Phường Phan Đình Phùng',
    'me_ho_ten': 'Nguyễn Thị Lan', 'me_nam_sinh': '1988', 'me_dan_toc': 'Kinh',
    'me_quoc_tich': 'Việt Nam', 'me_noi_cu_tru': 'Phường Phan Đình Phùng', 'so_ban_sao': '2',
    'cam_doan': 'true',
}


def main():
    from tthc_docs.demo.forms_data import FORMS
    from tthc_docs.eforms.render import render_form
    from tthc_docs.eforms.formschema import validate_data
    from tthc_docs.eforms.content import FormVersion

    client = demo_client(Path(tempfile.mkdtemp(prefix="bench-forms-")))
    baseline = measure_baseline(N)
    report_baseline(baseline)

    fields = FORMS['to-khai-khai-sinh']['fields']
    assert validate_data(fields, TYPED, PROFILE)
    stats = measure(lambda: validate_data(fields, TYPED, PROFILE), n=N)
    report(f"validate_data, {len(fields)} fields (khai sinh)", stats, baseline)

    version = FormVersion('to-khai-khai-sinh', 1, 'Tờ khai', fields)
    stats = measure(lambda: render_form(None, version, PROFILE), n=N)
    report(f"render_form, {len(fields)} fields, prefilled", stats, baseline)

    stats = measure(lambda: client.get("/forms/to-khai-khai-sinh", headers=JSON), n=N)
    report("GET /forms/<name> (JSON, anonymous)", stats, baseline)

    login(client, "citizen1")
    stats = measure(lambda: client.get("/forms/to-khai-khai-sinh"), n=max(50, N // 3))
    report("GET /forms/<name> (HTML, citizen, prefilled)", stats, baseline)


if __name__ == "__main__":
    main()
