"""A dossier is filled with one form version and always shown with it.

The citizen applies with a form whose prefilled fields are omitted from the
JSON; the editor then changes and republishes the form; the dossier still
shows the labels and the values of version 1.
"""
import pytest

from dossier_support import publish_procedure

CODE = '9.994001'
FORM = 'to-khai-thu-nghiem'
FIELDS = [
    {'name': 'ho_ten', 'title': 'Họ, chữ đệm, tên', 'type': 'text', 'required': True,
     'prefill': 'profile.full_name'},
    {'name': 'dien_thoai', 'title': 'Số điện thoại', 'type': 'phone', 'required': True,
     'prefill': 'profile.phone'},
    {'name': 'le_phi_du_kien', 'title': 'Số tiền dự kiến', 'type': 'money', 'required': True},
]


@pytest.fixture
def procedure(edit_site, login):
    editor = login('editor1')
    editor.post_json('/forms/', {'name': FORM, 'title': 'Tờ khai thử nghiệm', 'fields': FIELDS},
                     status=201)
    editor.post_json(f'/forms/{FORM}/@@publish', {}, headers={'Accept': 'application/json'})
    with edit_site() as site:
        publish_procedure(site, CODE, name='Thủ tục thử biểu mẫu', form=FORM, requirements=[])
    return editor


def apply(client, data, status=201):
    return client.post_json(f'/procedures/{CODE}/@@apply', {'data': data, 'attachments': {}},
                            headers={'Accept': 'application/json'}, status=status)


def change_form(editor):
    editor.put_json(f'/forms/{FORM}', {'title': 'Tờ khai thử nghiệm (mới)', 'fields': [
        dict(FIELDS[0], title='Họ và tên người nộp'), FIELDS[2]]})
    editor.post_json(f'/forms/{FORM}/@@publish', {}, headers={'Accept': 'application/json'})


def test_prefilled_fields_may_be_omitted_when_applying(procedure, login):
    apply(login('citizen1'), {'le_phi_du_kien': '1.500.000'})


def test_invalid_form_data_is_422_naming_the_field(procedure, login):
    res = apply(login('citizen1'), {'le_phi_du_kien': '1,5 triệu'}, status=422)
    assert 'le_phi_du_kien' in res.json['error']['fields']


def test_dossier_records_the_form_version(procedure, login):
    citizen = login('citizen1')
    code = apply(citizen, {'le_phi_du_kien': '1.500.000'}).json['code']
    body = citizen.get(f'/dossiers/{code}/@@form-data', headers={'Accept': 'application/json'}).json
    assert (body['form'], body['version']) == (FORM, 1)


def test_dossier_shown_with_its_version_after_change(procedure, login):
    citizen = login('citizen1')
    code = apply(citizen, {'le_phi_du_kien': '1.500.000'}).json['code']
    change_form(procedure)
    rows = citizen.get(f'/dossiers/{code}/@@form-data',
                       headers={'Accept': 'application/json'}).json['rows']
    assert [(r['title'], r['value']) for r in rows] == [
        ('Họ, chữ đệm, tên', 'Nguyễn Thị Lan'), ('Số điện thoại', '0905123456'),
        ('Số tiền dự kiến', '1.500.000 đồng')]


def test_new_dossier_uses_the_new_version(procedure, login):
    change_form(procedure)
    citizen = login('citizen1')
    code = apply(citizen, {'le_phi_du_kien': 5000}).json['code']
    body = citizen.get(f'/dossiers/{code}/@@form-data', headers={'Accept': 'application/json'}).json
    assert body['version'] == 2


def test_form_data_page_for_browser(procedure, login):
    citizen = login('citizen1')
    code = apply(citizen, {'le_phi_du_kien': '1.500.000'}).json['code']
    assert '1.500.000 đồng' in citizen.get(f'/dossiers/{code}/@@form-data').text


def test_other_citizen_cannot_read_form_data(procedure, login):
    code = apply(login('citizen1'), {'le_phi_du_kien': 1}).json['code']
    login('citizen2').get(f'/dossiers/{code}/@@form-data',
                          headers={'Accept': 'application/json'}, status=403)


def test_published_version_object_is_immutable(procedure, edit_site):
    with edit_site() as site:
        version = site['forms'][FORM].published_version(1)
        with pytest.raises(AttributeError):
            version.title = 'Sửa lén'
