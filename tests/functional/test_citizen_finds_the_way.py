"""The small things that spare a citizen a question: the big button, the one document
chosen already, the icon, the print button that works under the page's CSP."""


def test_the_procedure_page_leads_with_a_button_to_apply_online(anon):
    page = anon.get('/procedures/2.000635').html
    button = page.select_one('main a.button.cta')
    assert button.get_text(strip=True) == 'Nộp hồ sơ trực tuyến'
    assert button['href'].endswith('/procedures/2.000635/@@apply')
    first_section = page.select_one('main section')
    assert button.sourceline < first_section.sourceline


def test_the_only_fitting_document_is_chosen_already(login):
    page = login('citizen1').get('/procedures/2.000635/@@apply').html
    select = page.select_one('select[name="attachments.cccd"]')
    offered = [o for o in select.select('option') if o.get('value')]
    assert len(offered) == 1
    assert offered[0].has_attr('selected')


def test_an_optional_document_is_not_chosen_for_the_citizen(login, edit_site):
    page = login('citizen1').get('/procedures/2.000635/@@apply').html
    for select in page.select('select[name^="attachments."]'):
        label = page.select_one(f'label[for="{select["id"]}"]').get_text()
        if not label.strip().endswith('*'):
            assert not [o for o in select.select('option') if o.has_attr('selected')
                        and o.get('value')]


def test_every_page_names_its_icon_and_the_icon_is_served(anon):
    href = anon.get('/').html.select_one('link[rel=icon]')['href']
    icon = anon.get(href.replace('http://example.com', ''))
    assert icon.content_type == 'image/svg+xml' and b'<svg' in icon.body


def test_the_print_button_works_without_an_inline_handler(anon):
    page = anon.get('/procedures/2.000635')
    button = page.html.find('button', string='In trang này')
    assert button.has_attr('data-print') and not button.has_attr('onclick')
    script = page.html.select_one('script[src*="page.js"]')['src']
    assert 'window.print()' in anon.get(script.replace('http://example.com', '')).text


def test_required_e_form_fields_are_marked_required(login):
    page = login('citizen1').get('/procedures/2.000635/@@apply').html
    select = page.select_one('select[name="data.loai_trich_luc"]')
    assert select.has_attr('required')
    css = login('citizen1').get('/static/site.css').text
    assert '.form-select[required]' in css
