"""Journey: from the leader's sign queue to the one-time-code page, on a desk or a phone."""
from dossier_support import clock, docs, pki_dir, procedure, signing  # noqa: F401
from signing_support import awaiting  # noqa: F401

JSON = {'Accept': 'application/json'}


def test_each_sign_queue_item_links_its_confirmation_page(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    items = login('leader1').get('/@@sign-queue', headers=JSON).json['items']
    assert [i['sign_url'] for i in items if i['code'] == code] == [
        f'http://example.com/dossiers/{code}/@@sign']


def test_the_sign_queue_page_rows_open_the_confirmation_page(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    page = login('leader1').get('/@@sign-queue')
    assert f'href="http://example.com/dossiers/{code}/@@sign"' in page.text
    assert 'Hồ sơ chờ ký' in page.text


def test_the_sign_queue_row_leads_to_a_page_that_offers_the_code(login, edit_site, procedure,
                                                                  docs, signing):
    awaiting(login, edit_site, docs)
    leader = login('leader1')
    url = leader.get('/@@sign-queue', headers=JSON).json['items'][0]['sign_url']
    assert 'Ký kết quả' in leader.get(url).text


def test_the_sign_queue_links_the_phone_sized_page(login, procedure):
    leader = login('leader1')
    assert leader.get('/@@sign-queue', headers=JSON).json['mobile_url'] == \
        'http://example.com/@@sign-mobile'
    assert 'href="http://example.com/@@sign-mobile"' in leader.get('/@@sign-queue').text


def test_the_phone_page_links_back_to_the_full_queue(login, procedure):
    assert 'href="http://example.com/@@sign-queue"' in login('leader1').get('/@@sign-mobile').text


def test_both_lists_show_the_same_dossiers(login, edit_site, procedure, docs):
    awaiting(login, edit_site, docs)
    leader = login('leader1')
    desk = [i['code'] for i in leader.get('/@@sign-queue', headers=JSON).json['items']]
    phone = [i['code'] for i in leader.get('/@@sign-mobile', headers=JSON).json['items']]
    assert sorted(desk) == sorted(phone) and desk


def test_the_phone_list_names_the_applicant(login, edit_site, procedure, docs):
    code = awaiting(login, edit_site, docs)
    items = login('leader1').get('/@@sign-mobile', headers=JSON).json['items']
    assert [i['applicant_name'] for i in items if i['code'] == code][0]


def test_the_general_queue_keeps_links_to_the_dossier_page(login, procedure, docs):
    from dossier_support import apply
    code = apply(login('citizen1'), docs).json['code']
    page = login('reception1').get('/@@queue')
    assert f'href="http://example.com/dossiers/{code}"' in page.text
    assert '@@sign-mobile' not in page.text


def test_the_confirmation_page_can_send_the_dossier_back(login, edit_site, procedure, docs,
                                                         signing):
    code = awaiting(login, edit_site, docs)
    leader = login('leader1')
    form = leader.get(f'/dossiers/{code}/@@sign').forms['send-back-form']
    form['note'] = 'Sai họ tên trong dự thảo'
    form.submit().follow()
    body = leader.get(f'/dossiers/{code}', headers=JSON).json
    assert body['status'] == 'processing'
    assert body['history'][-1]['note'] == 'Sai họ tên trong dự thảo'
