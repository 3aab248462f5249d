"""Reserved: step 28 belongs to branch defer15 (papers rendered when idle).

A no-op here only so that this branch (lean15, which brings step 29) runs on
its own: the steps must be numbered without gaps. Delete this file when
defer15's ``evolve0028_papers_rendered_when_idle.py`` is merged; ``steps()``
refuses two steps numbered 28, so the merge cannot keep both by mistake.
"""


def evolve(site):
    return None
