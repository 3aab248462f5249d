"""Form templates: drafts, immutable published versions, diffs, on a real FileStorage."""
import pytest
import transaction
import ZODB
from ZODB.FileStorage import FileStorage

from tthc_docs import errors
from tthc_docs.eforms.content import FormLibrary, diff_versions

NAME = {'name': 'ho_ten', 'title': 'Họ, chữ đệm, tên', 'type': 'text', 'required': True,
        'prefill': 'profile.full_name'}
REASON = {'name': 'ly_do', 'title': 'Lý do', 'type': 'textarea'}


@pytest.fixture
def db(tmp_path):
    database = ZODB.DB(FileStorage(str(tmp_path / 'Data.fs')))
    yield database
    database.close()


@pytest.fixture
def library(db):
    conn = db.open()
    conn.root()['forms'] = FormLibrary()
    transaction.commit()
    yield conn.root()['forms']
    transaction.abort()
    conn.close()


def published(library, fields=(NAME, REASON), title='Tờ khai'):
    template = library.create('to-khai', title, list(fields), 'editor1')
    template.publish('editor1')
    return template


def test_new_template_is_a_draft_of_version_one(library):
    template = library.create('to-khai', 'Tờ khai', [NAME], 'editor1')
    assert (template.state, template.draft_version().version) == ('draft', 1)


def test_unpublished_template_has_no_published_version(library):
    assert library.create('to-khai', 'Tờ khai', [NAME]).published_version() is None


def test_publish_freezes_version_one(library):
    assert published(library).published_version().version == 1


def test_published_version_refuses_changes(library):
    version = published(library).published_version()
    with pytest.raises(AttributeError):
        version.title = 'Khác'


def test_changing_returned_fields_changes_nothing(library):
    version = published(library).published_version()
    version.fields[0]['title'] = 'Khác'
    assert version.fields[0]['title'] == 'Họ, chữ đệm, tên'


def test_published_version_survives_reload_unchanged(library, db):
    published(library)
    transaction.commit()
    conn = db.open(transaction_manager=transaction.TransactionManager())
    version = conn.root()['forms']['to-khai'].published_version(1)
    with pytest.raises(AttributeError):
        version.title = 'Khác'
    conn.close()


def test_next_edit_is_draft_of_version_two(library):
    template = published(library)
    template.save_draft('Tờ khai mới', [NAME], 'editor1')
    assert (template.state, template.draft_version().version) == ('published-with-draft', 2)


def test_draft_leaves_published_version_alone(library):
    template = published(library)
    template.save_draft('Tờ khai mới', [NAME], 'editor1')
    assert len(template.published_version().fields) == 2


def test_publish_without_draft_is_conflict(library):
    with pytest.raises(errors.StateConflict):
        published(library).publish('editor1')


def test_publish_identical_draft_is_conflict(library):
    template = published(library)
    template.save_draft('Tờ khai', [NAME, REASON], 'editor1')
    with pytest.raises(errors.StateConflict, match='giống hệt'):
        template.publish('editor1')


def test_duplicate_template_name_is_conflict(library):
    published(library)
    with pytest.raises(errors.StateConflict):
        library.create('to-khai', 'Khác', [NAME])


def test_resolve_unknown_version_is_not_found(library):
    with pytest.raises(errors.NotFound):
        published(library).resolve('7')


def test_validate_raises_invalid_with_fields(library):
    version = published(library).published_version()
    with pytest.raises(errors.Invalid) as info:
        version.validate({})
    assert info.value.fields == {'ho_ten': 'Bắt buộc nhập.'}


def test_validate_fills_prefilled_field(library):
    version = published(library).published_version()
    assert version.validate({}, {'full_name': 'Lê Văn Bình'})['ho_ten'] == 'Lê Văn Bình'


def test_rows_use_the_recorded_version(library):
    template = published(library)
    template.save_draft('Tờ khai', [dict(NAME, title='Họ và tên'), REASON], 'editor1')
    template.publish('editor1')
    rows = library.rows_for('to-khai', 1, {'ho_ten': 'An'})
    assert rows[0]['title'] == 'Họ, chữ đệm, tên'


def _diff(before, after, title_before='T', title_after='T'):
    template_a = FormLibrary().create('a', title_before, before)
    template_b = FormLibrary().create('b', title_after, after)
    return diff_versions(template_a.draft_version(), template_b.draft_version())


def test_diff_added_field():
    assert _diff([NAME], [NAME, REASON])['added'] == ['ly_do']


def test_diff_removed_field():
    assert _diff([NAME, REASON], [NAME])['removed'] == ['ly_do']


def test_diff_changed_attribute():
    changed = _diff([NAME], [dict(NAME, required=False)])['changed']
    assert changed == [{'name': 'ho_ten', 'changes': {'required': [True, False]}}]


def test_diff_reordered():
    assert _diff([NAME, REASON], [REASON, NAME])['reordered'] is True


def test_diff_title():
    assert _diff([NAME], [NAME], 'Cũ', 'Mới')['title'] == ['Cũ', 'Mới']


def test_diff_same():
    assert _diff([NAME], [NAME])['same'] is True
