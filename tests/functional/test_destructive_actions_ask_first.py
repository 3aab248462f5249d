"""A browser's withdraw, delete, publish or signature asks first; JSON clients act at once.

The confirmation is a second page (works without JavaScript): the same post
again with ``confirmed=1``.  Nothing changes until then.
"""
import pytest
from samples import make_pdf

from dossier_support import act, clock, docs, filed, get, procedure  # noqa: F401

JSON = {'Accept': 'application/json'}


@pytest.fixture
def citizen(login):
    return login('citizen1')


def test_deleting_a_document_from_the_vault_page_asks_first(citizen):
    vault = citizen.session_info['vault'].rstrip('/')
    doc = citizen.post(f'{vault}/documents', {'doc_type': 'giay-khai-sinh', 'title': 'Bản nháp'},
                       upload_files=[('file', 'a.pdf', make_pdf('xóa'))], headers=JSON).json
    asked = citizen.post(doc['url'] + '/@@delete',
                         {'csrf_token': citizen.session_info['csrf_token']})
    assert asked.status_int == 200 and 'Xóa giấy tờ khỏi kho?' in asked.text
    citizen.get(doc['url'], headers=JSON, status=200)          # still there
    done = asked.forms['confirm-form'].submit().maybe_follow()
    assert 'Đã xóa giấy tờ khỏi kho.' in done.text
    citizen.get(doc['url'], headers=JSON, status=404)


def test_withdrawing_from_the_dossier_page_asks_first_and_then_says_so(login, procedure, docs):
    code = filed(login, docs)
    citizen = login('citizen1')
    form = citizen.get(f'/dossiers/{code}').forms['transition']
    assert form['action'].value == ''                          # nothing chosen by default
    form['action'] = 'withdraw'
    asked = form.submit()
    assert 'Rút hồ sơ?' in asked.text and get(citizen, code).json['status'] == 'submitted'
    done = asked.forms['confirm-form'].submit().maybe_follow()
    assert 'Đã rút hồ sơ.' in done.text and get(citizen, code).json['status'] == 'withdrawn'


def test_the_message_is_shown_once(login, procedure, docs):
    code = filed(login, docs)
    reception = login('reception1')
    form = reception.get(f'/dossiers/{code}').forms['transition']
    form['action'] = 'receive'
    assert 'Đã tiếp nhận hồ sơ.' in form.submit().maybe_follow().text
    assert 'Đã tiếp nhận hồ sơ.' not in reception.get(f'/dossiers/{code}').text


def test_a_json_client_withdraws_in_one_call(login, procedure, docs):
    code = filed(login, docs)
    assert act(login('citizen1'), code, 'withdraw').json['status'] == 'withdrawn'
