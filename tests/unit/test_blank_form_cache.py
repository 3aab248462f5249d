"""The blank form of a stored version is rendered once per profile and documents (issue 15).

A real ZODB (in memory) holds the form versions, so their ``_p_oid`` and
``_p_serial`` are the ones a page sees; every cached answer is compared with
a fresh rendering of the same inputs.
"""
import pytest
import transaction
import ZODB

from tthc_docs.eforms import render
from tthc_docs.eforms.content import FormVersion
from test_formschema import DOCS, FIELDS, PROFILE


@pytest.fixture
def stored():
    """A committed version of FIELDS, in its own database; the cache starts empty."""
    db = ZODB.DB(None)
    conn = db.open()
    conn.root()['v1'] = FormVersion('to-khai', 1, 'Tờ khai', FIELDS)
    transaction.commit()
    render.BLANK_FORMS.clear()
    yield conn
    transaction.abort()
    conn.close()
    db.close()


def fresh(version, profile, documents=DOCS, **kw):
    """The rendering without the cache."""
    return render._render(version, profile, kw.get('data'), kw.get('errors'), documents,
                          None, render.PREFIX)


def test_the_second_rendering_comes_from_the_store_and_is_the_same(stored):
    version = stored.root()['v1']
    first = render.render_form(None, version, PROFILE, documents=DOCS)
    assert len(render.BLANK_FORMS) == 1
    assert render.render_form(None, version, PROFILE, documents=DOCS) == first
    assert first == fresh(version, PROFILE) and 'Nguyễn Văn An' in first


def test_another_profile_gets_its_own_prefill(stored):
    version = stored.root()['v1']
    render.render_form(None, version, PROFILE, documents=DOCS)
    other = dict(PROFILE, full_name='Trần Thị Bình')
    html = render.render_form(None, version, other, documents=DOCS)
    assert 'Trần Thị Bình' in html and 'Nguyễn Văn An' not in html


def test_other_documents_are_offered(stored):
    version = stored.root()['v1']
    render.render_form(None, version, PROFILE, documents=DOCS)
    html = render.render_form(None, version, PROFILE, documents=[('d-9', 'Giấy khai sinh', 'cccd')])
    assert 'Giấy khai sinh' in html and 'Căn cước công dân' not in html


def test_a_new_version_is_rendered_anew(stored):
    render.render_form(None, stored.root()['v1'], PROFILE, documents=DOCS)
    fields = FIELDS + [{'name': 'ghi_chu', 'title': 'Ghi chú thêm', 'type': 'text'}]
    stored.root()['v2'] = FormVersion('to-khai', 2, 'Tờ khai', fields)
    transaction.commit()
    assert 'Ghi chú thêm' in render.render_form(None, stored.root()['v2'], PROFILE,
                                                 documents=DOCS)


def test_input_and_errors_are_never_stored(stored):
    version = stored.root()['v1']
    html = render.render_form(None, version, PROFILE, data={'so_ban_sao': '11'},
                              errors={'so_ban_sao': 'tối đa 10'}, documents=DOCS)
    assert 'tối đa 10' in html and len(render.BLANK_FORMS) == 0


def test_an_unsaved_version_a_preview_is_not_stored(stored):
    preview = FormVersion('nhap', 1, 'Bản nháp', FIELDS)
    assert 'Nguyễn Văn An' in render.render_form(None, preview, PROFILE, documents=DOCS)
    assert len(render.BLANK_FORMS) == 0
