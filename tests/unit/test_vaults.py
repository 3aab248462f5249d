"""Vault resources on a real FileStorage with blobs: store once, grants, profile."""
import threading

import pytest
import transaction
from samples import make_image, make_pdf
from ZODB import DB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError

from tthc_docs import errors
from tthc_docs.vaults.content import VaultRegistry


@pytest.fixture
def database(tmp_path):
    """A real FileStorage with a blob directory, holding one registry."""
    storage = FileStorage(str(tmp_path / 'Data.fs'), blob_dir=str(tmp_path / 'blobs'))
    db = DB(storage)
    with db.transaction() as conn:
        registry = conn.root()['vaults'] = VaultRegistry()
        registry.create('citizen1')
    yield db
    db.close()


@pytest.fixture
def conn(database):
    tm = transaction.TransactionManager()
    conn = database.open(tm)
    yield conn
    tm.abort()
    conn.close()


@pytest.fixture
def vault(conn):
    return conn.root()['vaults'].for_owner('citizen1')


def upload(vault, data, **kw):
    kw.setdefault('title', 'Giấy khai sinh')
    kw.setdefault('doc_type', 'giay-khai-sinh')
    kw.setdefault('kind', 'uploaded')
    kw.setdefault('added_by', 'citizen1')
    return vault.add_document(data, **kw)


def test_vault_id_is_opaque(vault):
    assert vault.id.startswith('v-') and len(vault.id) == 18


def test_second_vault_for_the_same_owner_is_refused(conn):
    with pytest.raises(errors.StateConflict):
        conn.root()['vaults'].create('citizen1')


def test_new_bytes_create_a_document(vault):
    doc, created = upload(vault, make_pdf())
    assert created and doc.content_type == 'application/pdf'


def test_stored_bytes_read_back(vault, conn):
    data = make_pdf()
    doc, _ = upload(vault, data)
    conn.transaction_manager.commit()
    assert vault.get_document(doc.id).read() == data


def test_same_bytes_return_the_existing_document(vault):
    data = make_pdf()
    first, _ = upload(vault, data)
    again, created = upload(vault, data, title='Tên khác')
    assert (again is first, created) == (True, False)


def test_repeated_uploads_keep_one_document(vault):
    data = make_image()
    for _ in range(10):
        upload(vault, data)
    assert vault.storage() == {'documents': 1, 'bytes': len(data)}


def test_declared_content_type_is_ignored(vault):
    doc, _ = upload(vault, make_image(), content_type='application/pdf')
    assert doc.content_type == 'image/png'


def test_unknown_doc_type_is_invalid(vault):
    with pytest.raises(errors.Invalid) as exc:
        upload(vault, make_pdf(), doc_type='khong-co')
    assert 'doc_type' in exc.value.fields


def test_refused_content_leaves_no_document(vault):
    with pytest.raises(errors.UnsupportedType):
        upload(vault, b'<html><script>x</script></html>')
    assert vault.storage()['documents'] == 0


def test_digitized_copy_needs_certifier_and_original(vault):
    with pytest.raises(errors.Invalid):
        upload(vault, make_pdf(), kind='digitized', added_by='reception1')


def test_digitized_copy_records_certifier_and_original(vault):
    doc, _ = upload(vault, make_pdf(), kind='digitized', added_by='reception1',
                    certified_by='reception1', original='Bản chính giấy khai sinh số 12/2000')
    assert (doc.kind, doc.certified_by) == ('digitized', 'reception1')


def test_issued_result_keeps_its_facts(vault):
    doc, _ = upload(vault, make_pdf('Kết quả'), kind='issued', added_by='leader1',
                    signed=True, issued_by='leader1', dossier='H55-0001')
    assert (doc.signed, doc.issued_by, doc.dossier) == (True, 'leader1', 'H55-0001')


def test_filename_is_cleaned(vault):
    doc, _ = upload(vault, make_pdf(), filename='../../etc/passwd')
    assert doc.download_name == 'passwd.pdf'


def test_missing_document_is_not_found(vault):
    with pytest.raises(errors.NotFound):
        vault.get_document('d-0000000000000000')


def test_grant_is_per_document_dossier_and_agency(vault):
    doc, _ = upload(vault, make_pdf())
    vault.grant(doc.id, 'H55-0001', '000.00.20.H55')
    assert vault.is_granted(doc.id, 'H55-0001', '000.00.20.H55')
    assert not vault.is_granted(doc.id, 'H55-0002', '000.00.20.H55')
    assert not vault.is_granted(doc.id, 'H55-0001', '000.00.99.H55')


def test_reuse_is_noted_once_per_dossier(vault):
    doc, _ = upload(vault, make_pdf())
    for code in ('B-2', 'A-1', 'B-2'):
        vault.note_reuse(doc.id, code)
    assert vault.reused_by(doc.id) == ['A-1', 'B-2']


def test_log_access_appends_to_the_chain(vault):
    doc, _ = upload(vault, make_pdf())
    vault.log_access('reception1', doc.id, 'H55-0001')
    vault.log_access('specialist1', doc.id, 'H55-0001')
    assert (len(vault.access_log), vault.access_log.verify().ok) == (2, True)


def test_owner_deletes_an_unused_upload(vault):
    doc, _ = upload(vault, make_pdf())
    vault.remove_document(doc.id)
    assert vault.storage() == {'documents': 0, 'bytes': 0}


def test_deleted_bytes_can_be_uploaded_again(vault):
    data = make_pdf()
    doc, _ = upload(vault, data)
    vault.remove_document(doc.id)
    _, created = upload(vault, data)
    assert created


def test_document_of_an_open_dossier_cannot_be_deleted(vault):
    doc, _ = upload(vault, make_pdf())
    vault.note_reuse(doc.id, 'H55-0001')
    with pytest.raises(errors.StateConflict) as exc:
        vault.remove_document(doc.id, is_active=lambda code: True)
    assert 'H55-0001' in exc.value.message


def test_document_of_a_closed_dossier_can_be_deleted(vault):
    doc, _ = upload(vault, make_pdf())
    vault.grant(doc.id, 'H55-0001', '000.00.20.H55')
    vault.remove_document(doc.id, is_active=lambda code: False)
    assert not vault.is_granted(doc.id, 'H55-0001', '000.00.20.H55')


@pytest.mark.parametrize('kind, extra', [
    ('issued', {'signed': True, 'issued_by': 'leader1'}),
    ('digitized', {'certified_by': 'reception1', 'original': 'Bản chính'}),
])
def test_issued_and_digitized_documents_cannot_be_deleted(vault, kind, extra):
    doc, _ = upload(vault, make_pdf(), kind=kind, added_by='x', **extra)
    with pytest.raises(errors.StateConflict):
        vault.remove_document(doc.id)


def test_profile_update_records_history(vault):
    vault.update_profile({'full_name': 'Nguyễn Văn An'}, by='citizen1')
    vault.update_profile({'full_name': 'Nguyễn Văn Ân', 'phone': '0912345678'}, by='citizen1')
    newest = vault.history()[0]
    assert newest['changes']['full_name'] == ('Nguyễn Văn An', 'Nguyễn Văn Ân')


def test_profile_update_without_change_adds_no_history(vault):
    vault.update_profile({'phone': '0912345678'}, by='citizen1')
    vault.update_profile({'phone': '0912345678'}, by='citizen1')
    assert len(vault.history()) == 1


def test_vault_is_found_by_id_number(conn, vault):
    vault.update_profile({'id_number': '056090000123'}, by='citizen1')
    assert conn.root()['vaults'].for_id_number('056090000123') is vault


def test_id_number_of_another_vault_is_refused(conn, vault):
    vault.update_profile({'id_number': '056090000123'}, by='citizen1')
    other = conn.root()['vaults'].create('citizen2')
    with pytest.raises(errors.Invalid):
        other.update_profile({'id_number': '056090000123'}, by='citizen2')


def _upload_in_own_connection(db, data, barrier, results):
    """One thread = one connection; retried on conflict like pyramid_retry."""
    tm = transaction.TransactionManager()
    conn = db.open(tm)
    try:
        for attempt in range(10):
            try:
                tm.begin()
                vault = conn.root()['vaults'].for_owner('citizen1')
                vault.documents.find_sha('')  # load the state before racing
                if attempt == 0:
                    barrier.wait(timeout=10)
                doc, created = upload(vault, data)
                tm.commit()
                results.append((doc.id, created, attempt))
                return
            except ConflictError:
                tm.abort()
        results.append(('gave up', None, attempt))
    finally:
        tm.abort()
        conn.close()


def _race(database, payloads):
    """Upload every payload at once, each from its own thread and connection: the results."""
    barrier = threading.Barrier(len(payloads))
    results = []
    threads = [threading.Thread(target=_upload_in_own_connection,
                                args=(database, data, barrier, results))
               for data in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_concurrent_uploads_of_the_same_bytes_leave_one_document(database):
    data = make_pdf('Cùng một tệp')
    threads_n = 4
    results = _race(database, [data] * threads_n)
    with database.transaction() as conn:
        vault = conn.root()['vaults'].for_owner('citizen1')
        assert vault.storage() == {'documents': 1, 'bytes': len(data)}
    assert len({doc_id for doc_id, _, _ in results}) == 1
    assert sorted(created for _, created, _ in results) == [False] * (threads_n - 1) + [True]


def test_concurrent_uploads_really_conflict_and_retry(database):
    """Every thread read the vault before the first commit: the others retried."""
    results = _race(database, [make_image(colour=(1, 2, 3))] * 3)
    assert sum(attempt for _, _, attempt in results) >= 2


def test_concurrent_uploads_of_different_files_all_land(database):
    files = [make_image(colour=(n, 0, 0)) for n in range(4)]
    _race(database, files)
    with database.transaction() as conn:
        vault = conn.root()['vaults'].for_owner('citizen1')
        assert vault.storage() == {'documents': 4, 'bytes': sum(map(len, files))}
