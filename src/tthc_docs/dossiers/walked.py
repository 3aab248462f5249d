"""A dossier's working steps, worked out once per procedure version and process.

The steps ``processing`` walks are the filed version's internal process
without its leading and trailing reception steps (``workflow.working_steps``).
A transition and its answer read them some ten times (the rule table's
``step`` role, the current step, the timeline, the papers' hand-overs), and
each reading thawed the version's frozen steps and copied them again
(issue 15). A ``ProcedureVersion`` never changes, so they are worked out once
and kept on it in a ``_v_`` attribute: in this process only, and gone when
the version is unloaded. Readers get copies, as before: shallow ones, which
are whole, a step being a flat dict of strings and numbers. A dossier filed
before evolve step 23 keeps its own copy of the steps and works them out on
each reading, as it did.
"""
from tthc_docs.dossiers import workflow


def steps(dossier):
    """Fresh copies of the steps ``dossier`` walks while ``processing``."""
    version = dossier.filed_version
    if version is None:
        return workflow.working_steps(dossier.procedure_steps)
    walked = getattr(version, '_v_working_steps', None)
    if walked is None:
        walked = version._v_working_steps = tuple(workflow.working_steps(version.steps))
    return [dict(step) for step in walked]
