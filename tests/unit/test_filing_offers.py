"""Which vault documents a requirement offers, and in which order (reuse first)."""
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from tthc_docs.dossiers.filing import offered_documents

TZ = timezone(timedelta(hours=7))


def doc(id, doc_type, signed=False, day=1):
    at = datetime(2027, 3, day, 9, 0, tzinfo=TZ)
    return SimpleNamespace(id=id, doc_type=doc_type, signed=signed, added_at=at,
                           issued_at=at if signed else None)


DOCS = [doc('own-old', 'giay-khai-sinh', day=1), doc('issued', 'giay-khai-sinh', True, day=2),
        doc('own-new', 'giay-khai-sinh', day=3), doc('cu-tru', 'xac-nhan-cu-tru', day=4)]


def test_issued_results_come_first_then_the_newest_own_copy():
    ids = [d.id for d in offered_documents(DOCS, {'doc_type': 'giay-khai-sinh'})]
    assert ids == ['issued', 'own-new', 'own-old']


def test_documents_of_another_type_are_not_offered():
    assert [d.id for d in offered_documents(DOCS, {'doc_type': 'xac-nhan-cu-tru'})] == ['cu-tru']


def test_a_requirement_of_type_other_takes_any_document():
    assert len(offered_documents(DOCS, {'doc_type': 'other'})) == len(DOCS)


def test_the_vaults_list_is_not_reordered_in_place():
    docs = list(DOCS)
    offered_documents(docs, {})
    assert docs == DOCS
