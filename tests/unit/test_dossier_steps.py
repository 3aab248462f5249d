"""A dossier's working steps: read from the version it was filed against, worked out
once per version and process, handed out as copies (issue 15). On the demo database."""
import copy

from tthc_docs.dossiers import workflow


def _filed(site):
    """Dossiers filed against a stored version that has working steps."""
    return [d for d in site['dossiers'].values() if d.filed_version is not None and d.steps]


def test_every_dossier_walks_its_versions_steps_without_reception(site_and_tm):
    site, _tm = site_and_tm
    dossiers = _filed(site)
    assert dossiers
    for dossier in dossiers:
        assert dossier.steps == workflow.working_steps(dossier.filed_version.steps)


def test_a_reader_that_changes_the_steps_it_read_changes_no_other_reading(site_and_tm):
    site, _tm = site_and_tm
    dossier = _filed(site)[0]
    others = [d for d in _filed(site) if d.filed_version is dossier.filed_version]
    before = copy.deepcopy(dossier.steps)
    read = dossier.steps
    read[0]['name'] = 'Đã sửa'
    read.pop()
    assert dossier.steps == before
    assert all(other.steps == before for other in others)
    assert dossier.filed_version.steps[0]['name'] != 'Đã sửa'


def test_a_dossier_that_keeps_its_own_steps_reads_them_not_its_versions(site_and_tm):
    """A dossier filed before evolve step 23 keeps copies: they are what it walks."""
    site, tm = site_and_tm
    dossier = _filed(site)[0]
    version = dossier.filed_version
    assert dossier.steps            # the version's working steps are now known here
    own = [dict(step, name=f"Bước riêng {n}") for n, step in enumerate(version.steps)]
    dossier.__dict__['procedure_steps'] = own
    del dossier.filed_version
    dossier._p_changed = True
    tm.commit()
    tm.begin()
    assert dossier.steps == workflow.working_steps(own)
    assert [s['name'] for s in dossier.steps] != [s['name'] for s in workflow.working_steps(
        version.steps)]
