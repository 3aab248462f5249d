"""Evolve step 28 on a database of the old shape: the list of papers to render when idle.

The old shape is the demo database without ``pending_papers`` on the
dossier registry, its papers' bytes stored (every paper issued before was
rendered at its event). After the step the list exists and is empty, the
old papers are ready, and a new event queues its papers instead of
rendering them; before the step (an older step issuing papers, evolve 10)
papers are still rendered at once.
"""
from datetime import timedelta

from tthc_docs import migrations, timeutil
from tthc_docs.dossiers import pending, press, workflow
from tthc_docs.dossiers.calendar import calendar_for

PRESS = press.Press(public_url='http://127.0.0.1:6543')


def _old_shape(site, tm):
    registry = site['dossiers']
    registry._p_activate()
    del registry.__dict__['pending_papers']
    registry._p_changed = True
    site.evolve_step = 27
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _receive(site, dossier):
    account, calendar = site['people']['reception1'], calendar_for(site)
    ctx = workflow.Context(login='reception1', roles=dossier.roles_for(account),
                           now=timeutil.now() + timedelta(minutes=1), name=account.full_name,
                           calendar=calendar)
    dossier.transition('receive', ctx)
    return press.issue_pending(site, dossier, PRESS, calendar)


def _submitted(site):
    return next(d for d in site['dossiers'].values() if d.status == 'submitted')


def test_step_28_gives_the_registry_an_empty_list_and_old_papers_stay_ready(site_and_tm):
    site, tm = site_and_tm
    _old_shape(site, tm)
    assert pending.pending_list(site) is None
    assert migrations.evolve(site, upto=28, tm=tm) == [28]
    tm.begin()
    assert pending.pending_list(site) is not None and len(pending.pending_list(site)) == 0
    old = [p for d in site['dossiers'].values() for p in (getattr(d, 'papers', None) or {}).values()]
    assert old and all(p.ready and p.sha256 and p.size for p in old)


def test_after_step_28_an_event_queues_its_papers(site_and_tm):
    site, tm = site_and_tm
    _old_shape(site, tm)
    migrations.evolve(site, upto=28, tm=tm)
    tm.begin()
    issued = _receive(site, _submitted(site))
    assert [p.ready for p in issued] == [False, False]
    assert len(pending.pending_list(site)) == 2


def test_before_step_28_an_event_renders_its_papers_at_once(site_and_tm):
    site, tm = site_and_tm
    _old_shape(site, tm)
    issued = _receive(site, _submitted(site))
    assert issued and all(p.ready for p in issued)
    assert issued[0].read() == issued[0].render()
