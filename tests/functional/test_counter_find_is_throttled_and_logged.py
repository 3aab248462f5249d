"""Counter look-ups by ID number: throttled per officer, every one logged without the number.

The probe tried 400 random numbers in 0.7 s and nothing noticed.  Now each
officer has a budget of misses and of finds (``tthc_docs.find_throttle``,
test default 100 finds / 10 misses per 15 minutes), and every look-up goes
to the admins' audit log (keyed hash of the number, never the number); a
find also goes to the citizen's access log.
"""
import logging

from dossier_support import counter_find

JSON = {'Accept': 'application/json'}
CITIZEN1_ID = '019188012345'


def unknown(n):
    return f'0011990{n:05d}'


def test_the_eleventh_miss_is_429_for_that_officer_only(login):
    officer = login('reception1')
    for n in range(10):
        counter_find(officer, unknown(n), status=404)
    res = counter_find(officer, unknown(10), status=429)
    assert 0 < int(res.headers['Retry-After']) <= 900
    counter_find(officer, CITIZEN1_ID, status=429)   # the budget is the officer's, not the number's


def test_every_look_up_reaches_the_audit_log_without_the_number(login, edit_site, caplog):
    officer = login('reception1')
    with caplog.at_level(logging.INFO):
        counter_find(officer, unknown(1), status=404)
        counter_find(officer, CITIZEN1_ID)
    with edit_site() as site:
        entries = site.audit.newest()
        vault_id = site['vaults'].for_owner('citizen1').id
    kinds = [(e['who'], e['what'], e['target']) for e in entries[:2]]
    assert kinds == [('reception1', 'counter: find', vault_id),
                     ('reception1', 'counter: find (không thấy)', '')]
    assert entries[0]['detail']['number'].startswith('#')
    text = repr(entries) + caplog.text
    assert CITIZEN1_ID not in text and unknown(1) not in text
    assert 'reception1' in caplog.text


def test_the_same_number_gives_the_same_reference(login, edit_site):
    officer = login('reception1')
    counter_find(officer, unknown(7), status=404)
    counter_find(officer, unknown(7), status=404)
    counter_find(officer, unknown(8), status=404)
    with edit_site() as site:
        refs = [e['detail']['number'] for e in site.audit.newest()[:3]]
    assert refs[1] == refs[2] != refs[0]


def test_the_citizen_sees_the_find_in_the_access_log(login):
    counter_find(login('reception1'), CITIZEN1_ID)
    citizen = login('citizen1')
    vault = citizen.session_info['vault'].rstrip('/')
    items = citizen.get(f'{vault}/@@access-log', headers=JSON).json['items']
    assert any(i['who'] == 'reception1' and 'find' in str(i) for i in items)
