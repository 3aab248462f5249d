"""Bench: documents are stored once. 100 applications reusing one 1 MB
document, and 100 uploads of the same bytes, add no blob bytes.

Measures the blob directory of the real app's FileStorage on disk before
the upload, after it, and after the 100 applications and re-uploads; prints
the timings of those requests beside a bare Pyramid+ZODB GET.
"""
import io
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_app import demo_settings, init_demo, login  # noqa: E402
from harness import measure, measure_baseline, report, report_baseline  # noqa: E402
from webtest import TestApp  # noqa: E402

from tthc_docs import timeutil  # noqa: E402

CODE = '9.990101'
AGENCY = '000.00.20.H55'
N = 100
JSON = {'Accept': 'application/json'}


def one_megabyte_pdf():
    """A PDF of about 1 MB: a noise image, which does not compress."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    noise = Image.frombytes('RGB', (560, 500), os.urandom(560 * 500 * 3))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(noise), 20, 100, width=550, height=530)
    c.drawString(72, 760, 'Giấy khai sinh (bản quét, 1 MB)')
    c.showPage()
    c.save()
    return buf.getvalue()


def add_procedure(site):
    """A published procedure needing a birth certificate and a residence paper."""
    site['procedures'].create({
        'code': CODE, 'name': 'Thủ tục thử nghiệm dùng lại giấy tờ', 'field': 'Hộ tịch',
        'level': 'province', 'agencies': [AGENCY], 'processing_days': 3, 'fee': 0,
        'online_fee': 0, 'form': None, 'result_doc_type': 'other', 'legal_basis': [],
        'steps': [{'id': 'tiep-nhan', 'name': 'Tiếp nhận', 'role': 'reception', 'days': 0},
                  {'id': 'xu-ly', 'name': 'Xử lý', 'role': 'specialist', 'days': 3}],
        'requirements': [
            {'id': 'khai-sinh', 'name': 'Giấy khai sinh', 'doc_type': 'giay-khai-sinh',
             'copies': 1, 'required': True},
            {'id': 'cu-tru', 'name': 'Giấy xác nhận cư trú', 'doc_type': 'xac-nhan-cu-tru',
             'copies': 1, 'required': True}],
    }, 'editor1')
    site['procedures'].publish(CODE, 'editor1')


def blob_bytes(folder):
    """Bytes of committed blob files (what a second copy would add to)."""
    total = 0
    for root, _dirs, files in os.walk(folder / 'blobs'):
        if os.path.basename(root) == 'tmp':
            continue
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files
                     if f.endswith('.blob'))
    return total


class Clock:
    """Moves `timeutil.now` 3 minutes per application, so none is a resubmission."""

    def __init__(self):
        self.value = timeutil.now()
        self.real = timeutil.now

    def __call__(self):
        return self.value

    def tick(self):
        self.value += timedelta(minutes=3)


def main():
    from tthc_docs import main as make_app
    baseline = measure_baseline()
    report_baseline(baseline)
    folder = Path(tempfile.mkdtemp(prefix='bench-vault-'))
    init_demo(folder, add_procedure)
    app = make_app({}, **demo_settings(folder))
    citizen = login(TestApp(app, extra_environ={'HTTP_HOST': 'example.com'}), 'citizen1')
    vault = citizen.get('/@@me', headers=JSON).json['vault'].rstrip('/')
    docs = {d['doc_type']: d['id'] for d in citizen.get(vault, headers=JSON).json['documents']}

    data = one_megabyte_pdf()
    before = blob_bytes(folder)
    doc = citizen.post(f'{vault}/documents', {'doc_type': 'giay-khai-sinh', 'title': 'Bản quét'},
                       upload_files=[('file', 'khai-sinh.pdf', data)], headers=JSON,
                       status=201).json
    after_upload = blob_bytes(folder)

    clock = Clock()
    timeutil.now = clock
    body = {'data': {}, 'attachments': {'khai-sinh': doc['id'], 'cu-tru': docs['xac-nhan-cu-tru']}}
    codes = set()

    def apply_once():
        clock.tick()
        res = citizen.post_json(f'/procedures/{CODE}/@@apply', body, headers=JSON, status=201)
        codes.add(res.json['code'])

    def upload_again():
        citizen.post(f'{vault}/documents', {'doc_type': 'giay-khai-sinh'},
                     upload_files=[('file', 'lai-lan-nua.pdf', data)], headers=JSON, status=200)

    try:
        applications = measure(apply_once, n=N, warmup=0)
        reuploads = measure(upload_again, n=N, warmup=0)
    finally:
        timeutil.now = clock.real
    after_all = blob_bytes(folder)
    storage = citizen.get(vault, headers=JSON).json['storage']

    report(f'POST @@apply reusing the 1 MB document (x{N})', applications, baseline)
    report(f'POST documents, same 1 MB bytes again (x{N})', reuploads, baseline)
    print(f'document size                      {len(data):>12,} bytes')
    print(f'blob bytes before the upload       {before:>12,}')
    print(f'blob bytes after the upload        {after_upload:>12,}  (+{after_upload - before:,})')
    print(f'blob bytes after {len(codes)} applications and {N} re-uploads '
          f'{after_all:>12,}  (+{after_all - after_upload:,})')
    print(f'vault storage: {storage["documents"]} documents, {storage["bytes"]:,} bytes')
    assert len(codes) == N, 'every application made its own dossier'
    assert after_all == after_upload, 'reuse must add no blob bytes'


if __name__ == '__main__':
    main()
