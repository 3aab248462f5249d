"""A paper's bytes follow from its frozen facts alone: the same whenever and wherever rendered.

Papers are rendered when the process is idle, possibly in another process
than the one that issued them (``dossiers.pending``), and a download made
before must equal the bytes stored after. So the PDF is made in reportlab's
invariant mode, dated at the paper's event, and its facts are plain values
that pickle with the paper (no persistent object inside).
"""
import dataclasses
import datetime
import hashlib
import pickle
import subprocess
import sys

import transaction

from tthc_docs.dossiers import papers, press, slip_forms, slips
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.timeutil import VN_TZ

AT = datetime.datetime(2027, 3, 1, 9, 30, tzinfo=VN_TZ)
RENDER_ELSEWHERE = ("import pickle, sys\n"
                    "from tthc_docs.dossiers import slip_forms\n"
                    "kind, facts = pickle.load(sys.stdin.buffer)\n"
                    "sys.stdout.buffer.write(slip_forms.render(kind, facts))\n")


def facts(**changes):
    return dataclasses.replace(slips.SlipFacts(
        code='000.00.20.H55-270301-0001', procedure_name='Đăng ký khai sinh',
        agency_name='Sở Tư pháp', track_url='http://127.0.0.1:6543/@@track?code=1',
        applicant_name='Nguyễn Thị Hoa', issued_at=AT, received_at=AT,
        papers=(slips.PaperRow('Giấy khai sinh', 'Bản chụp điện tử'),),
        handovers=(slips.Handover('Tổ chức, cá nhân', 'Phạm Minh Tuấn', AT, 'Đúng hạn'),)),
        **changes)


def test_another_process_renders_the_same_bytes():
    here = slip_forms.render('receipt', facts())
    there = subprocess.run([sys.executable, '-c', RENDER_ELSEWHERE], check=True,
                           input=pickle.dumps(('receipt', facts())), capture_output=True).stdout
    assert hashlib.sha256(there).hexdigest() == hashlib.sha256(here).hexdigest()


def test_rendering_other_papers_in_between_changes_nothing():
    first = slip_forms.render('control', facts())
    slip_forms.render('receipt', facts(applicant_name='Trần Văn Bình ỡ ữ ự'))
    slip_forms.render('apology', facts(number='3/PXL'))
    assert slip_forms.render('control', facts()) == first


def test_the_pdf_is_dated_at_the_event_not_the_clock():
    data = slip_forms.render('receipt', facts())
    assert b"/CreationDate (D:20270301093000+07'00')" in data
    later = slip_forms.render('receipt', facts(issued_at=AT + datetime.timedelta(minutes=1)))
    assert later != data and b"(D:20270301093100+07'00')" in later


PLAIN = (str, int, float, bool, type(None), datetime.datetime, datetime.date)


def _plain(value):
    if dataclasses.is_dataclass(value):
        return type(value).__dataclass_params__.frozen and all(
            _plain(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, PLAIN)


def test_the_facts_a_paper_keeps_are_plain_immutable_values(site_and_tm):
    site, tm = site_and_tm
    dossier = next(d for d in site['dossiers'].values() if getattr(d, 'papers', None))
    dossier.papers.upto = 0          # issue its papers again, as at their events
    for event in list(dossier.papers.by_event.keys()):
        del dossier.papers.by_event[event]
    issued = press.issue_pending(site, dossier, press.Press(public_url='http://x'),
                                 calendar_for(site))
    assert issued
    for paper in issued:
        assert _plain(paper.facts)
        assert pickle.loads(pickle.dumps(paper.facts)) == paper.facts


def test_listing_papers_leaves_their_facts_unread(site_and_tm):
    """The facts are read to render a paper, never to list it (every dossier JSON lists them)."""
    import ZODB
    site, tm = site_and_tm
    dossier = next(d for d in site['dossiers'].values() if getattr(d, 'papers', None))
    paper = next(iter(dossier.papers.values()))
    db, writing = ZODB.DB(None), transaction.TransactionManager()
    conn = db.open(transaction_manager=writing)
    conn.root()['paper'] = papers.Paper(kind=paper.kind, title=paper.title, form=paper.form,
                                        number=paper.number, event=paper.event,
                                        issued_at=paper.issued_at, facts=_facts_of(site, dossier))
    writing.commit()
    other = db.open(transaction_manager=transaction.TransactionManager())
    listed = other.root()['paper']
    assert (listed.kind, listed.title, listed.ready) == (paper.kind, paper.title, False)
    assert listed._facts._p_changed is None            # a ghost: its record not loaded
    assert listed.facts.code == dossier.code            # read when rendering
    other.close()
    conn.close()
    db.close()


def _facts_of(site, dossier):
    from tthc_docs.dossiers.slip_facts import facts_at
    return facts_at(site, dossier, 0, 'http://x')
