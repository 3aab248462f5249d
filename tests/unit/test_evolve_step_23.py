"""Evolve step 23 on a database of the old shape: dossiers with copies, fat delivered records."""

from tthc_docs import migrations, timeutil
from tthc_docs.sync import outbox as outbox_mod


def _old_shape(dossier):
    """``dossier`` as filed before step 23: copies of its version's lists, no reference."""
    version = dossier.filed_version
    dossier.__dict__.update(procedure_steps=version.steps, requirements=version.requirements,
                            steps=dossier.steps)
    del dossier.filed_version
    dossier._p_changed = True


def _evolve(site, tm):
    site.evolve_step = 22
    tm.commit()
    tm.begin()
    assert migrations.evolve(site, upto=23, tm=tm) == [23]
    tm.begin()


def test_step_23_refers_old_dossiers_to_their_version_and_keeps_what_they_read(site_and_tm):
    site, tm = site_and_tm
    dossiers = list(site['dossiers'].values())
    read = {d.code: (d.procedure_steps, d.steps, d.requirements) for d in dossiers}
    for dossier in dossiers:
        _old_shape(dossier)
    tm.commit()
    tm.begin()
    assert all(d.filed_version is None and 'steps' in d.__dict__ for d in dossiers)
    _evolve(site, tm)
    for dossier in site['dossiers'].values():
        assert dossier.filed_version is not None
        assert not {'procedure_steps', 'requirements', 'steps'} & set(dossier.__dict__)
        assert (dossier.procedure_steps, dossier.steps, dossier.requirements) == read[dossier.code]


def test_step_23_keeps_copies_that_differ_from_the_version(site_and_tm):
    site, tm = site_and_tm
    dossier = next(iter(site['dossiers'].values()))
    _old_shape(dossier)
    dossier.__dict__['requirements'] = [{'id': 'x', 'name': 'Giấy tờ đã đổi', 'doc_type': 'other'}]
    _evolve(site, tm)
    assert dossier.filed_version is None
    assert dossier.requirements == [{'id': 'x', 'name': 'Giấy tờ đã đổi', 'doc_type': 'other'}]


def test_step_23_slims_delivered_records_and_leaves_pending_ones_whole(site_and_tm):
    site, tm = site_and_tm
    box = site['outbox']
    records = list(box.records.values())
    assert len(records) >= 2
    delivered, pending = records[0], records[1]
    whole = dict(delivered.message)
    box.settle(delivered.key, 1, 'delivered', timeutil.now())
    delivered.state, delivered.delivered_at = outbox_mod.DELIVERED, timeutil.now()
    del box.delivered[(delivered.code, delivered.seq)]         # as delivered before step 23
    box.records[(delivered.code, delivered.seq)] = delivered
    tm.commit()
    tm.begin()
    _evolve(site, tm)
    assert delivered.message == {name: whole[name] for name in outbox_mod.SLIM_FIELDS}
    assert delivered.as_json()['event'] == whole['event']
    assert delivered.as_json()['status'] == whole['status']
    assert pending.state == outbox_mod.PENDING and len(pending.message) > 10
