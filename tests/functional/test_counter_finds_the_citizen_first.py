"""Journey: the citizen shows the ID card at the counter before anyone files for them.

Knowing a citizen's login is not enough: the reception officer may open the
prefilled application page or file for a citizen only after finding that
citizen's vault by ID number (``POST /vaults/@@find``) in the same session,
and every such read is written to the citizen's access log.
"""
import logging
from datetime import timedelta

from dossier_support import (CODE, MONDAY, application, clock, counter_find,  # noqa: F401
                             docs, procedure)

JSON = {'Accept': 'application/json'}
CITIZEN1_ID = '019188012345'
CITIZEN2_ID = '006085067890'
PAGE = f'/procedures/{CODE}/@@apply?citizen=citizen1'


def file_for(client, docs, citizen='citizen1', status=201):
    return client.post_json(f'/procedures/{CODE}/@@apply', application(docs, citizen=citizen),
                            headers=JSON, status=status)


def access_log(login):
    citizen = login('citizen1')
    vault = citizen.session_info['vault'].rstrip('/')
    return citizen.get(f'{vault}/@@access-log', headers=JSON).json['items']


def test_the_apply_page_for_a_citizen_without_a_find_is_403(login, procedure):
    login('reception1').get(PAGE, status=403)


def test_the_refusal_says_to_look_the_citizen_up_by_id_card(login, procedure, docs):
    res = file_for(login('reception1'), docs, status=403)
    assert 'số định danh cá nhân trên căn cước' in res.json['error']['message']


def test_filing_for_a_citizen_without_a_find_is_403(login, procedure, docs, edit_site):
    file_for(login('reception1'), docs, status=403)
    with edit_site() as site:
        assert not [d for d in site['dossiers'].values() if d.procedure_code == CODE]


def test_a_refused_page_shows_nothing_of_the_citizen(login, procedure):
    assert 'Nguyễn Thị Lan' not in login('reception1').get(PAGE, status=403).text


def test_after_the_find_the_page_is_prefilled(login, procedure):
    client = login('reception1')
    counter_find(client)
    assert client.get(PAGE).forms['apply']


def test_after_the_find_filing_works(login, procedure, docs):
    client = login('reception1')
    counter_find(client)
    assert file_for(client, docs).json['channel'] == 'counter'


def test_find_of_one_citizen_then_filing_for_another_is_403(login, procedure, docs):
    client = login('reception1')
    counter_find(client, CITIZEN2_ID)
    file_for(client, docs, status=403)


def test_finding_another_citizen_ends_serving_the_first(login, procedure):
    client = login('reception1')
    counter_find(client)
    counter_find(client, CITIZEN2_ID)
    client.get(PAGE, status=403)


def test_a_failed_find_ends_serving_the_previous_citizen(login, procedure):
    client = login('reception1')
    counter_find(client)
    counter_find(client, '056199000001', status=404)
    client.get(PAGE, status=403)


def test_the_find_expires_after_two_hours(login, procedure, clock):
    client = login('reception1')
    counter_find(client)
    clock.set(MONDAY + timedelta(hours=2, minutes=1))
    client.get(PAGE, status=403)


def test_the_find_holds_within_the_visit(login, procedure, clock):
    client = login('reception1')
    counter_find(client)
    clock.set(MONDAY + timedelta(hours=1))
    client.get(PAGE, status=200)


def test_the_find_does_not_survive_a_new_login(login, procedure):
    client = login('reception1')
    counter_find(client)
    again = client.post_json('/@@login', {'login': 'reception1', 'password': 'demo-password'})
    client.extra_environ['HTTP_X_CSRF_TOKEN'] = again.json['csrf_token']
    client.get(PAGE, status=403)


def test_the_access_log_shows_the_find(login, procedure):
    counter_find(login('reception1'))
    assert ('reception1', 'counter: find', None) in [
        (e['who'], e['document'], e['dossier']) for e in access_log(login)]


def test_the_access_log_shows_the_apply_page_read(login, procedure):
    client = login('reception1')
    counter_find(client)
    client.get(PAGE)
    assert ('reception1', 'counter: profile, documents') in [
        (e['who'], e['document']) for e in access_log(login)]


def test_the_access_log_shows_the_filing_with_its_dossier(login, procedure, docs):
    client = login('reception1')
    counter_find(client)
    code = file_for(client, docs).json['code']
    assert ('reception1', 'counter: profile', code) in [
        (e['who'], e['document'], e['dossier']) for e in access_log(login)]


def test_no_id_number_in_any_url_or_log_line(login, procedure, docs, caplog):
    caplog.set_level(logging.DEBUG)
    client = login('reception1')
    found = counter_find(client).json
    page = client.get(PAGE)
    filed = file_for(client, docs)
    urls = [found['vault'], found['digitize_url'], page.request.url, filed.location,
            filed.json['url'], page.forms['apply'].action]
    lines = [r.getMessage() for r in caplog.records]
    entries = [str(e) for e in access_log(login)]
    assert not [t for t in urls + lines + entries if CITIZEN1_ID in t]


def test_the_find_answers_the_login_counter_filing_names(login, procedure):
    assert counter_find(login('reception1')).json['citizen'] == 'citizen1'


def test_after_the_find_the_page_without_a_login_is_for_the_found_citizen(login, procedure):
    client = login('reception1')
    counter_find(client)
    page = client.get(f'/procedures/{CODE}/@@apply')
    assert page.forms['apply']['citizen'].value == 'citizen1'


def test_without_a_find_the_page_without_a_login_shows_no_one(login, procedure):
    page = login('reception1').get(f'/procedures/{CODE}/@@apply')
    assert page.forms['apply']['citizen'].value == ''
