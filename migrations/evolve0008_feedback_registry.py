"""Give the site its registry of complaints and suggestions (phản ánh, kiến nghị).

Issue 18: people file them about a dossier, a procedure or an agency
(Decree 20/2008/NĐ-CP, amended by Decree 92/2017/NĐ-CP); they live at
``/feedback``.
"""
import logging

from tthc_docs.feedback.content import FeedbackRegistry

log = logging.getLogger(__name__)


def evolve(site):
    if "feedback" not in site:
        site.add("feedback", FeedbackRegistry())
        log.info("feedback registry added")
