"""The apply page says, before anything is typed, what filing costs and when the result is due.

The figures come from the rules the dossier itself is made by (``catalog.fees``:
the counter fee, and half of it online; ``dossiers.deadlines``: Civil Code 2015
art. 147, the period starts the working day after receipt, and a receipt after
the office's cut-off hour counts on the next working day): the page and the
dossier it creates must agree.
"""
from datetime import datetime

from dossier_support import (CODE, FREE, MONDAY, act, apply, clock, docs, get,  # noqa: F401
                             pay, procedure)
from tthc_docs import timeutil

EN = {'Accept-Language': 'en'}


def summary(client, code=CODE, headers=None):
    page = client.get(f'/procedures/{code}/@@apply', headers=headers or {})
    return ' '.join(page.html.select_one('section.terms').get_text(' ').split())


def test_the_page_shows_both_fees_the_vietnamese_way(login, procedure):
    text = summary(login('citizen1'))
    assert 'Nộp trực tuyến 10.000 ₫ (giảm 50% so với nộp trực tiếp)' in text
    assert 'Nộp trực tiếp tại Bộ phận Một cửa 20.000 ₫' in text


def test_the_online_fee_shown_is_what_the_dossier_owes(login, procedure, docs):
    client = login('citizen1')
    assert 'phí, lệ phí là 10.000 ₫' in summary(client)
    assert apply(client, docs).json['fee']['amount'] == 10000


def test_a_free_procedure_says_so(login, procedure):
    assert 'Thủ tục này không thu phí, lệ phí.' in summary(login('citizen1'), FREE)


def test_the_due_date_counts_from_the_next_working_day(login, procedure):
    # Received Monday 01/03/2027 at 09:00: five working days from Tuesday.
    assert 'hạn trả kết quả theo quy định là 08/03/2027 17:00 (5 ngày làm việc' in \
        summary(login('citizen1'))


def test_after_the_cut_off_the_period_starts_a_day_later(login, procedure, clock):
    clock.set(datetime(2027, 3, 1, 17, 30, tzinfo=timeutil.VN_TZ))
    assert 'là 09/03/2027 17:00' in summary(login('citizen1'))


def test_a_friday_filing_skips_the_weekend(login, procedure, clock):
    clock.set(datetime(2027, 3, 5, 9, 0, tzinfo=timeutil.VN_TZ))
    assert 'là 12/03/2027 17:00' in summary(login('citizen1'))


def test_the_date_shown_is_the_one_receipt_sets(login, procedure, docs, edit_site):
    client = login('citizen1')
    shown = summary(client)
    code = apply(client, docs).json['code']
    pay(edit_site, code)
    due = act(login('reception1'), code, 'receive').json['due_at']
    assert timeutil.format_datetime(due) in shown


def test_the_summary_reads_in_english(login, procedure):
    text = summary(login('citizen1'), headers=EN)
    assert 'Filed online 10.000 ₫' not in text
    assert '10.000 ₫ (50% less than in person)' in text
    assert 'legally due by 08/03/2027 17:00 (5 working days' in text


def test_one_copy_is_singular_in_english(anon):
    page = anon.get('/procedures/2.000635', headers=EN).text
    assert '1 copy' in page
    assert '1 copies' not in page
