"""Issuing papers when their events happen: the dossier's history drives it.

``issue_pending`` looks at the history entries not yet considered (the
folder's ``upto``) and issues, for each, the papers its event calls for
(``EVENT_PAPERS``): their facts as they were at that event, numbered and
stored once (``papers``), and put on the site's list of papers to render
when the process is idle (``pending``; on a site older than that list,
rendered at once). It is called in the same transaction as the
event: by ``actions.fire`` after every transition, by the payment views
after a payment is recorded, by the demo loader and by the evolve step that
issues the papers of dossiers older than this module. Calling it twice
issues nothing twice.

Numbers, per agency and calendar year (Circular 01/2018/TT-VPCP): the entry
in the register (Mẫu 06, "Quyển số" = the year, "Số thứ tự" in order of
receipt) when a dossier is received, and the number line of Mẫu 02-04.
"""
from dataclasses import dataclass

from BTrees.OOBTree import OOBTree

from tthc_docs import config
from tthc_docs.dossiers import papers as store
from tthc_docs.dossiers import pending, slips
from tthc_docs.dossiers.slip_facts import facts_at
from tthc_docs.pdf.fonts import font_dir_from
from tthc_docs.timeutil import VN_TZ

#: What each event issues. Every hand-over after receipt also issues a new
#: edition of Mẫu 05 (its table grows by one row; old editions stay).
EVENT_PAPERS = {action: tuple(k for k, a in slips.EVENTS.items() if a == action and k != "control")
                for action in set(slips.EVENTS.values())}
CONTROL_EVENTS = frozenset({"receive", "forward", "assign", "approve", "send_back", "sign",
                            "return", "request_supplement", "supplement", "reject",
                            "apologize", "withdraw"})


@dataclass(frozen=True)
class Press:
    """What rendering needs from the configuration: the fonts, the public address, the place."""

    public_url: str
    font_dir: str = None
    place: str = config.DEFAULTS[config.PLACE_NAME]

    @classmethod
    def from_settings(cls, settings):
        return cls(public_url=config.public_url(settings), font_dir=font_dir_from(settings),
                   place=config.place_name(settings))


def papers_for(history, index):
    """The kinds of paper history entry ``index`` issues."""
    action = history[index].get("action")
    kinds = list(EVENT_PAPERS.get(action, ()))
    received = any(e.get("action") == "receive" for e in history[: index + 1])
    if received and action in CONTROL_EVENTS:
        kinds.append("control")
    return kinds


def issue_pending(site, dossier, press, calendar=None):
    """Issue the papers of the history entries not yet considered; returns the new papers."""
    history = list(dossier.history)
    folder = store.folder_of(dossier, create=True)
    issued = []
    for index in range(folder.upto, len(history)):
        if history[index].get("at") is None:
            continue
        for kind in papers_for(history, index):
            issued.append(_issue(site, dossier, folder, history, index, kind, press, calendar))
    folder.upto = len(history)
    return issued


def _issue(site, dossier, folder, history, index, kind, press, calendar):
    at = history[index]["at"]
    if kind == "receipt" and not getattr(dossier, "register_entry", None):
        enter_in_register(site, dossier, at)
    number = ""
    if kind in slips.NUMBER_SUFFIXES:
        year, seq = next_number(site, dossier.agency, at, kind)
        number = f"{seq}/{slips.NUMBER_SUFFIXES[kind]}"
    facts = facts_at(site, dossier, index, press.public_url, calendar, number, press.place)
    paper = store.Paper(kind=kind, title=slips.TITLES[kind], form=slips.FORM_NUMBERS.get(kind, ""),
                        number=number, event=index, issued_at=at, facts=facts)
    stored = folder.store(paper)
    if stored is paper and not pending.queue(site, dossier, paper):
        paper.settle(paper.render(press.font_dir))
    return stored


def enter_in_register(site, dossier, at):
    """Give the dossier its line in the agency's register (Mẫu 06) for the year of receipt."""
    registry = site["dossiers"]
    year, seq = dossier.register_entry = next_number(site, dossier.agency, at, "register")
    book = getattr(registry, "register_book", None)
    if book is None:
        book = registry.register_book = OOBTree()
    book[(dossier.agency, at.astimezone(VN_TZ).date().isoformat(), year, seq)] = dossier.code


def next_number(site, agency, at, series):
    """``(year, n)``: the next number of ``series`` for ``agency`` in the year of ``at``."""
    registry = site["dossiers"]
    counters = getattr(registry, "paper_counters", None)
    if counters is None:
        counters = registry.paper_counters = OOBTree()
    year = at.astimezone(VN_TZ).year
    key = (agency, year, series)
    counters[key] = counters.get(key, 0) + 1
    return year, counters[key]
