"""An editor maintains form templates: create, edit, preview, publish, compare.

Published versions never change; the next edit is a draft of the next
version; a dossier keeps being shown with the version it was filled with.
"""
import pytest

BIRTH = '/forms/to-khai-khai-sinh'
FIELD = {'name': 'ho_ten', 'title': 'Họ, chữ đệm, tên', 'type': 'text', 'required': True,
         'prefill': 'profile.full_name'}
NEW = {'name': 'to-khai-thu', 'title': 'Tờ khai thử',
       'fields': [FIELD, {'name': 'ly_do', 'title': 'Lý do', 'type': 'textarea'}]}


@pytest.fixture
def editor(login):
    return login('editor1')


def fill_blank_field(form, name, title):
    """Type into the blank field that ends the deform sequence (no JavaScript)."""
    order = [(key, field) for key, field in form.field_order]
    last = max(i for i, (key, _f) in enumerate(order) if key == 'name')
    order[last][1].value = name
    next(f for key, f in order[last:] if key == 'title').value = title


def test_public_json_has_api_shape(anon):
    body = anon.get(BIRTH, headers={'Accept': 'application/json'}).json
    assert set(body['fields'][0]) >= {'name', 'title', 'type', 'required', 'prefill', 'options'}


def test_choice_fields_list_their_options(anon):
    body = anon.get(BIRTH, headers={'Accept': 'application/json'}).json
    sex = next(f for f in body['fields'] if f['name'] == 'ks_gioi_tinh')
    assert [o['value'] for o in sex['options']] == ['Nam', 'Nữ']


def test_every_demo_form_reaches_a_fifth_prefilled(anon):
    items = anon.get('/forms/', headers={'Accept': 'application/json'}).json['items']
    assert items and min(i['prefill_share'] for i in items) >= 0.2


def test_every_demo_procedure_form_exists(anon):
    from tthc_docs.demo.procedures_data import PROCEDURES
    names = {p['form'] for p in PROCEDURES if p['form']}
    for name in names:
        anon.get(f'/forms/{name}', headers={'Accept': 'application/json'}, status=200)


def test_editor_creates_template_as_draft(editor):
    res = editor.post_json('/forms/', NEW, headers={'Accept': 'application/json'}, status=201)
    assert (res.json['version'], res.json['state']) == (1, 'draft')


def test_unpublished_template_hidden_from_public(editor, anon):
    editor.post_json('/forms/', NEW, headers={'Accept': 'application/json'}, status=201)
    anon.get('/forms/to-khai-thu', headers={'Accept': 'application/json'}, status=404)


def test_duplicate_template_name_conflicts(editor):
    editor.post_json('/forms/', dict(NEW, name='to-khai-khai-sinh'), status=409)


@pytest.mark.parametrize('fields,where,words', [
    ([FIELD, FIELD], 'fields.1.name', 'bị trùng'),
    ([dict(FIELD, type='colour')], 'fields.0.type', 'không có'),
    ([{'name': 'a', 'title': 'A', 'type': 'choice', 'options': []}], 'fields.0.options',
     'ít nhất một phương án'),
    ([{'name': 'a', 'title': 'A', 'type': 'text', 'pattern': '([0-9'}], 'fields.0.pattern',
     'không hợp lệ'),
])
def test_broken_template_refused_with_reason(editor, fields, where, words):
    res = editor.put_json(BIRTH, {'title': 'Tờ khai', 'fields': fields}, status=422)
    assert words in res.json['error']['fields'][where]


def test_malformed_json_is_400(editor):
    editor.put(BIRTH, 'not json', headers={'Content-Type': 'application/json'}, status=400)


def test_draft_does_not_change_published_version(editor, anon):
    editor.put_json(BIRTH, {'title': 'Tờ khai mới', 'fields': [FIELD]}, status=200)
    body = anon.get(BIRTH, headers={'Accept': 'application/json'}).json
    assert (body['version'], body['title']) == (1, 'Tờ khai đăng ký khai sinh')


def test_next_edit_is_draft_of_next_version(editor):
    res = editor.put_json(BIRTH, {'title': 'Tờ khai mới', 'fields': [FIELD]})
    assert (res.json['version'], res.json['draft']) == (2, True)


def test_publish_makes_next_version_public(editor, anon):
    editor.put_json(BIRTH, {'title': 'Tờ khai mới', 'fields': [FIELD]})
    editor.post_json(BIRTH + '/@@publish', {}, headers={'Accept': 'application/json'})
    assert anon.get(BIRTH, headers={'Accept': 'application/json'}).json['version'] == 2


def test_old_version_still_served(editor, anon):
    editor.put_json(BIRTH, {'title': 'Tờ khai mới', 'fields': [FIELD]})
    editor.post_json(BIRTH + '/@@publish', {}, headers={'Accept': 'application/json'})
    old = anon.get(BIRTH + '?version=1', headers={'Accept': 'application/json'}).json
    assert len(old['fields']) > 1


def test_publish_without_draft_conflicts(editor):
    res = editor.post_json(BIRTH + '/@@publish', {}, headers={'Accept': 'application/json'},
                           status=409)
    assert 'bản nháp' in res.json['error']['message']


def test_unknown_version_is_404(anon):
    anon.get(BIRTH + '?version=9', headers={'Accept': 'application/json'}, status=404)


def test_bad_version_is_400(anon):
    anon.get(BIRTH + '?version=abc', headers={'Accept': 'application/json'}, status=400)


def test_public_cannot_see_draft(anon):
    anon.get(BIRTH + '?version=draft', headers={'Accept': 'application/json'}, status=404)


def test_diff_names_what_changed(editor):
    current = editor.get(BIRTH, headers={'Accept': 'application/json'}).json
    fields = [f for f in current['fields'] if f['name'] != 'ks_que_quan']
    fields[0] = dict(fields[0], title='Họ và tên người yêu cầu')
    editor.put_json(BIRTH, {'title': current['title'], 'fields': fields})
    diff = editor.get(BIRTH + '/@@diff', headers={'Accept': 'application/json'}).json
    assert (diff['removed'], diff['changed'][0]['changes']['title'][1]) == (
        ['ks_que_quan'], 'Họ và tên người yêu cầu')


def test_diff_page_shows_removed_field(editor):
    current = editor.get(BIRTH, headers={'Accept': 'application/json'}).json
    fields = [f for f in current['fields'] if f['name'] != 'ks_que_quan']
    editor.put_json(BIRTH, {'title': current['title'], 'fields': fields})
    assert 'Quê quán' in editor.get(BIRTH + '/@@diff').text


def test_diff_of_a_first_version_without_draft_is_409_saying_why(editor):
    res = editor.get(BIRTH + '/@@diff', headers={'Accept': 'application/json'}, status=409)
    assert 'phiên bản trước' in res.json['error']['message']
    assert res.json['error']['allowed'] == ['edit']


def test_diff_of_a_never_published_draft_is_409(editor):
    editor.post_json('/forms/', NEW, headers={'Accept': 'application/json'}, status=201)
    res = editor.get('/forms/to-khai-thu/@@diff', headers={'Accept': 'application/json'},
                     status=409)
    assert res.json['error']['allowed'] == ['publish']


def test_diff_page_of_a_first_version_is_409_too(editor):
    assert 'phiên bản trước' in editor.get(BIRTH + '/@@diff', status=409).text


def test_diff_from_a_version_the_template_never_had_is_404(editor):
    editor.get(BIRTH + '/@@diff?from=7&to=1', headers={'Accept': 'application/json'}, status=404)


def test_editor_page_lists_share(editor):
    assert 'Tỷ lệ điền sẵn' in editor.get('/forms/').text


def test_editor_edits_through_deform_form(editor, anon):
    page = editor.get(BIRTH + '/@@edit')
    form = page.forms['deform']
    form.fields['title'][0].value = 'Tờ khai đăng ký khai sinh (sửa đổi)'
    form.submit('save').maybe_follow()
    draft = editor.get(BIRTH + '?version=draft', headers={'Accept': 'application/json'}).json
    assert draft['title'] == 'Tờ khai đăng ký khai sinh (sửa đổi)'


def test_editor_adds_field_in_blank_row(editor):
    form = editor.get(BIRTH + '/@@edit').forms['deform']
    fill_blank_field(form, 'ghi_chu', 'Ghi chú')
    form.submit('save').maybe_follow()
    draft = editor.get(BIRTH + '?version=draft', headers={'Accept': 'application/json'}).json
    assert draft['fields'][-1]['name'] == 'ghi_chu'


def test_deform_editor_refuses_duplicate_name(editor):
    form = editor.get(BIRTH + '/@@edit').forms['deform']
    fill_blank_field(form, 'ks_ho_ten', 'Trùng')
    res = form.submit('save', status=422)
    assert 'bị trùng' in res.text


def test_preview_shows_vault_mark(editor):
    editor.put_json(BIRTH, {'title': 'Tờ khai', 'fields': [FIELD]})
    assert 'Từ kho dữ liệu' in editor.get(BIRTH + '/@@preview').text


def test_preview_check_reports_errors(editor):
    editor.put_json(BIRTH, {'title': 'Tờ khai', 'fields': [
        FIELD, {'name': 'sdt', 'title': 'Số điện thoại khác', 'type': 'phone', 'required': True}]})
    form = editor.get(BIRTH + '/@@preview').forms['preview']
    form['data.sdt'] = '0912 345 67'
    assert '10 chữ số' in form.submit('check', status=422).text


def test_add_page_creates_template(editor):
    form = editor.get('/forms/@@add').forms['deform']
    form.fields['name'][0].value = 'don-thu'
    form.fields['title'][0].value = 'Đơn thử'
    fill_blank_field(form, 'ly_do', 'Lý do')
    form.submit('save').maybe_follow()
    body = editor.get('/forms/don-thu?version=draft', headers={'Accept': 'application/json'}).json
    assert [f['name'] for f in body['fields']] == ['ly_do']


def test_citizen_page_prefills_from_own_vault(login):
    assert 'Nguyễn Thị Lan' in login('citizen1').get(BIRTH).text


def test_citizen_page_marks_prefilled_fields(login):
    assert 'Từ kho dữ liệu' in login('citizen1').get(BIRTH).text


def test_anonymous_page_has_nothing_prefilled(anon):
    assert 'Từ kho dữ liệu' not in anon.get(BIRTH).text


def test_field_types_listed_for_editing_clients(anon):
    body = anon.get('/forms/@@field-types', headers={'Accept': 'application/json'}).json
    assert {'text', 'id_number', 'address', 'document'} <= {t['id'] for t in body['types']}


def test_openapi_documents_form_endpoints(anon):
    paths = anon.get('/@@openapi.json').json['paths']
    assert {'/forms/', '/forms/{name}', '/forms/{name}/@@publish', '/forms/{name}/@@diff'} <= set(paths)
