"""Information given once: the e-form is the declaration (tờ khai), not an attachment."""
from dossier_support import clock, docs, procedure_data  # noqa: F401  (fixtures)

CODE = '9.990010'
DECLARATION = {'id': 'to-khai', 'name': 'Tờ khai theo mẫu', 'doc_type': 'don-de-nghi',
               'copies': 1, 'required': True}
FIELD = {'name': 'ly_do', 'title': 'Lý do', 'type': 'text', 'required': True}


def publish(edit_site, form):
    with edit_site() as site:
        if form:
            site['forms'].create('to-khai-thu', 'Tờ khai thử', [FIELD], by='editor1')
            site['forms']['to-khai-thu'].publish(by='editor1')
        data = procedure_data(CODE, 0)
        data['requirements'] = data['requirements'] + [DECLARATION]
        data['form'] = 'to-khai-thu' if form else None
        site['procedures'].create(data, 'editor1')
        site['procedures'].publish(CODE, 'editor1')


def body(docs, data=None):
    return {'data': data or {}, 'attachments': {'khai-sinh': docs['giay-khai-sinh'],
                                                'cu-tru': docs['xac-nhan-cu-tru']}}


def test_with_an_e_form_the_declaration_needs_no_attachment(login, edit_site, docs, clock):
    publish(edit_site, form=True)
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply',
                                      body(docs, {'ly_do': 'Cần cho hồ sơ học tập'}), status=201)
    assert res.json['status'] == 'submitted'


def test_without_an_e_form_the_paper_declaration_is_still_required(login, edit_site, docs,
                                                                      clock):
    publish(edit_site, form=False)
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body(docs), status=422)
    assert 'attachments.to-khai' in res.json['error']['fields']


def test_the_e_form_still_checks_its_own_fields(login, edit_site, docs, clock):
    publish(edit_site, form=True)
    res = login('citizen1').post_json(f'/procedures/{CODE}/@@apply', body(docs), status=422)
    assert 'ly_do' in res.json['error']['fields']


def test_the_apply_page_says_the_e_form_covers_the_declaration(login, edit_site, docs, clock):
    publish(edit_site, form=True)
    page = login('citizen1').get(f'/procedures/{CODE}/@@apply')
    assert 'Đã có trong tờ khai điện tử' in page.text
