"""deform's and colander's own words follow the page's language (issue 16).

deform and colander write English and ship no Vietnamese catalog: the
Vietnamese UI gets ``web.fields.COLANDER_VI``, the English UI their own
words, and our button titles come from the project's catalog.
"""
import pytest

EN = {'Accept-Language': 'en'}


def _failed_save(login, headers):
    editor = login('editor1')
    form = editor.get('/procedures/@@add', headers=headers).forms['deform']
    form['code'] = ''
    form['result_title'] = 'x' * 201            # colander.Length(max=200): colander's words
    return form.submit('save', headers=headers, status=200)   # the page again (error_status)


def test_an_english_editor_reads_deforms_and_colanders_english(login):
    page = _failed_save(login, EN)
    assert 'There was a problem with your submission' in page.text
    reasons = [p.get_text(strip=True) for p in page.html.select('.invalid-feedback')]
    assert 'Required.' in reasons and 'Longer than maximum length 200' in reasons
    assert 'Dữ liệu đã nhập có lỗi' not in page.text and 'Bắt buộc nhập' not in page.text


def test_a_vietnamese_editor_reads_them_in_vietnamese(login):
    page = _failed_save(login, {})
    assert 'Dữ liệu đã nhập có lỗi' in page.text
    reasons = [p.get_text(strip=True) for p in page.html.select('.invalid-feedback')]
    assert 'Bắt buộc nhập.' in reasons and 'Quá dài: tối đa 200.' in reasons
    assert 'There was a problem with your submission' not in page.text


@pytest.mark.parametrize('headers, title', [(EN, 'Save the draft'), ({}, 'Lưu bản nháp')])
def test_the_forms_button_is_in_the_pages_language(login, headers, title):
    page = login('editor1').get('/procedures/@@add', headers=headers)
    assert page.html.select_one('button[name=save]').get_text(strip=True) == title


def test_the_e_forms_blank_rendering_is_kept_per_language(login):
    """The blank e-form is rendered once and kept: once per language, not once for both."""
    citizen = login('citizen1')
    notes = [citizen.get('/procedures/2.000635/@@apply', headers=h).html.select_one(
        '.vault-note').get_text(' ', strip=True) for h in ({}, EN, {})]
    assert notes[0] == notes[2] and notes[0].startswith('Các trường đánh dấu')
    assert notes[1].startswith('Fields marked')
