"""The procedure catalog: `/procedures` and each `/procedures/<code>`.

A procedure (thủ tục hành chính) is used only once published, and what was
published never changes: a dossier filed under version 3 must keep meaning
version 3. So a `Procedure` holds numbered `ProcedureVersion`s, each
immutable by construction; editing makes (or replaces) the one draft
version, publishing promotes it and supersedes the previous published one,
retiring withdraws the procedure from use. Every change is logged.

The catalog keeps the search index (`procedure_index`) and the working-day
calendar's admin entries (`daysoff`) and updates the index on every write.
"""
import copy
import re

from BTrees.IOBTree import IOBTree
from persistent import Persistent
from persistent.list import PersistentList

from tthc_docs import security as s
from tthc_docs.errors import Invalid, NotFound, StateConflict, Words
from tthc_docs.catalog.fees import default_online_fee
from tthc_docs import timeutil
from tthc_docs.container import Container
from tthc_docs.dossiers.daysoff import DaysOffRegistry
from tthc_docs.catalog.index import ProcedureIndex
from tthc_docs.catalog import channels, levels as _levels
from tthc_docs.indicators import hooks as indicators

DRAFT, PUBLISHED, RETIRED, SUPERSEDED = "draft", "published", "retired", "superseded"
LEVELS = tuple(k for k, _ in _levels.LEVELS)  # two levels since 1 July 2025 (+ central)
LEVEL_TITLES = _levels.LEVEL_TITLES
STATE_TITLES = {DRAFT: "Bản nháp", PUBLISHED: "Đã công bố", RETIRED: "Đã bãi bỏ",
                SUPERSEDED: "Đã được thay thế"}

#: The content of a version; everything else is bookkeeping.
CONTENT_FIELDS = ("code", "name", "field", "level", "agencies", "processing_days", "fee",
                  "online_fee", "online_fee_set", "requirements", "form", "steps",
                  "citizen_steps", "methods", "online_level", "target_group",
                  "result_doc_type", "result_name", "result_title", "legal_basis",
                  "receivable_anywhere")
_LIST_FIELDS = ("agencies", "requirements", "steps", "citizen_steps", "methods", "legal_basis")


class ProcedureVersion(Persistent):
    """One numbered version of a procedure's content; never changes.

    Lists come back as fresh copies, so a caller cannot edit a stored
    version through them; setting an attribute raises.
    """

    result_title = ""  # versions stored before evolve step 16 (which fills it)
    #: Any desk of the province may receive it; None in versions saved before
    #: the field (``catalog.channels.receivable_anywhere`` then applies the default).
    receivable_anywhere = None

    def __init__(self, number, data, created_by, created_at):
        data = _with_defaults(data)
        values = {name: _freeze(data.get(name)) for name in CONTENT_FIELDS}
        values.update(version=number, created_by=created_by, created_at=created_at)
        for name, value in values.items():
            setattr(self, name, value)
        self._frozen = True

    def __setattr__(self, name, value):
        if name.startswith(("_p_", "_v_")) or not getattr(self, "_frozen", False):
            return super().__setattr__(name, value)
        raise StateConflict("Phiên bản thủ tục đã tạo thì không được sửa; hãy tạo phiên bản mới.")

    def __getattribute__(self, name):
        value = super().__getattribute__(name)
        if name in _LIST_FIELDS:
            return _thaw(value)
        return value

    def content(self):
        """The version's content as a plain dict (lists copied)."""
        return {name: getattr(self, name) for name in CONTENT_FIELDS}


class Procedure(Persistent):
    """`/procedures/<code>`: the versions of one procedure and its state."""

    __name__ = None
    __parent__ = None

    def __acl__(self):
        """Everyone may ask; views hide unpublished ones (404) from non-editors."""
        return [(s.Allow, s.Everyone, s.VIEW),
                (s.Allow, s.role(s.EDITOR), (s.EDIT, s.PUBLISH)),
                (s.Allow, s.role(s.CITIZEN), s.APPLY)]

    def __init__(self, code):
        self.code = code
        self.versions = IOBTree()
        self.published_number = None
        self.draft_number = None
        self.retired = False
        self.events = PersistentList()

    # -- state ---------------------------------------------------------
    @property
    def state(self):
        """`retired`, `published` (even with a pending draft), else `draft`."""
        if self.retired:
            return RETIRED
        return PUBLISHED if self.published_number is not None else DRAFT

    def published_version(self, version=None):
        """The version in force (None unless published), or an earlier published one."""
        if version is None:
            if self.retired or self.published_number is None:
                return None
            return self.versions[self.published_number]
        found = self.versions.get(int(version))
        if found is None or self.version_state(found.version) == DRAFT:
            return None
        return found

    def draft_version(self):
        """The pending draft, or None."""
        return None if self.draft_number is None else self.versions[self.draft_number]

    def latest_version(self):
        """What an editor works on: the draft if any, else the newest version."""
        return self.draft_version() or self.versions[self.versions.maxKey()]

    def visible_version(self, wanted=None, editor=False):
        """The version a reader may see, or None: the public sees only what is in force.

        ``wanted``: a version number (``?version=N``) or None. Editors see
        any version, and the latest when nothing is published yet.
        """
        if wanted is not None:
            return self.versions.get(wanted) if editor else self.published_version(wanted)
        version = self.published_version()
        if version is None and editor:
            version = self.latest_version()
        return version

    def version_state(self, number):
        """The state of one version: draft, published, retired or superseded."""
        if number == self.draft_number:
            return DRAFT
        if number == self.published_number:
            return RETIRED if self.retired else PUBLISHED
        return SUPERSEDED

    def history(self):
        """Every version, newest first, with its state and who made it."""
        return [{"version": v.version, "state": self.version_state(v.version),
                 "created_by": v.created_by, "created_at": v.created_at, "name": v.name}
                for v in reversed(list(self.versions.values()))]

    # -- changes (the catalog calls these and reindexes) ---------------
    def save_draft(self, data, by):
        """Write `data` as the draft: replace the pending draft or start a new one."""
        if data.get("code", self.code) != self.code:
            raise Invalid("Không được đổi mã thủ tục.", {"code": "Mã thủ tục không được thay đổi."})
        number = self.draft_number
        if number is None:
            number = (self.versions.maxKey() + 1) if len(self.versions) else 1
        data = dict(data, code=self.code)
        self.versions[number] = ProcedureVersion(number, data, by, timeutil.now())
        self.draft_number = number
        self._log("save", by, number)
        return self.versions[number]

    def publish(self, by, note=""):
        """Put the draft in force; the previous published version is superseded."""
        if self.draft_number is None:
            raise StateConflict("Không có bản nháp để công bố.",
                                allowed=self._allowed())
        self.published_number, self.draft_number = self.draft_number, None
        self.retired = False
        self._log("publish", by, self.published_number, note)
        return self.versions[self.published_number]

    def retire(self, by, note=""):
        """Withdraw a published procedure from use (bãi bỏ); history stays."""
        if self.state != PUBLISHED:
            raise StateConflict("Chỉ bãi bỏ được thủ tục đang được công bố.",
                                allowed=self._allowed())
        self.retired = True
        self._log("retire", by, self.published_number, note)

    def relevel(self, old, new, by, note):
        """Move the versions at level ``old`` that are in use to ``new``; the numbers written.

        For a change the law made, not an editor (evolve step 6: the end of
        the district level). A version never changes, so a published one is
        succeeded by a new published version that differs only in its level;
        a pending draft, never in force, is rewritten under its own number.
        A retired procedure is history and is left as it was.
        """
        written = []
        draft = self.draft_version()
        if draft is not None and draft.level == old:
            self.versions[draft.version] = ProcedureVersion(
                draft.version, dict(draft.content(), level=new), by, timeutil.now())
            written.append(draft.version)
        current = self.published_version()
        if current is not None and current.level == old:
            number = self.versions.maxKey() + 1
            self.versions[number] = ProcedureVersion(
                number, dict(current.content(), level=new), by, timeutil.now())
            self.published_number = number
            self._log("publish", by, number, note)
            written.append(number)
        return written

    def _allowed(self):
        """The editorial actions the current state permits (for 409s)."""
        actions = ["update"]
        if self.draft_number is not None:
            actions.append("publish")
        if self.state == PUBLISHED:
            actions.append("retire")
        return actions

    def _log(self, action, by, version, note=""):
        self.events.append({"at": timeutil.now(), "action": action, "by": by,
                            "version": version, "note": note})


class ProcedureCatalog(Container):
    """`/procedures`: every procedure by code, its search index and calendar."""

    __acl__ = [(s.Allow, s.Everyone, s.VIEW),
               (s.Allow, s.role(s.EDITOR), (s.EDIT, s.PUBLISH)),
               (s.Allow, s.role(s.ADMIN), s.MANAGE)]

    def __init__(self):
        super().__init__()
        self.search_index = ProcedureIndex()
        self.calendar = DaysOffRegistry()

    def index(self):
        """The search index (evolve step 2 brings an older one to the current shape)."""
        return self.search_index

    def days_off_registry(self):
        """The admin's days off / make-up days (evolve step 3 adds it to an older catalog)."""
        return self.calendar

    def create(self, data, by):
        """A new procedure with `data` (already validated) as its first draft."""
        code = data["code"]
        if code in self:
            raise Invalid("Mã thủ tục đã tồn tại.", {"code": f"Đã có thủ tục mã {code}."})
        procedure = self.add(code, Procedure(code))
        procedure.save_draft(data, by)
        self.reindex(procedure)
        return procedure

    def update(self, code, data, by):
        """Save `data` as the draft of an existing procedure."""
        procedure = self.require(code)
        version = procedure.save_draft(data, by)
        self.reindex(procedure)
        return version

    def publish(self, code, by, note=""):
        procedure = self.require(code)
        version = procedure.publish(by, note)
        self.reindex(procedure)
        return version

    def retire(self, code, by, note=""):
        procedure = self.require(code)
        procedure.retire(by, note)
        self.reindex(procedure)
        return procedure

    def require(self, code):
        """The procedure `code` or a 404."""
        procedure = self.get(code)
        if procedure is None:
            raise NotFound(Words("Không có thủ tục mã ${code}.", code=code))
        return procedure

    def reindex(self, procedure):
        """Index the published version (else the latest) under the procedure's state."""
        version = procedure.published_version() or procedure.latest_version()
        self.index().index(procedure.code, name=version.name, text=searchable_text(version),
                           field=version.field, level=version.level,
                           agencies=version.agencies, state=procedure.state)
        indicators.procedure_changed(self, procedure)

    def names(self, codes):
        """``{code: name}`` read from the search index, without loading any procedure.

        The name is the one the catalog shows (the published version's, else
        the latest's); a code the index does not know names itself.  Lists
        that only label codes (the queue's procedure filter) cost a look-up
        per code, not a procedure and its versions each.
        """
        index = self.index()
        return {code: index.summary(code)["name"] if code in index.docs else code
                for code in codes}

    def search(self, q="", *, editor=False, **filters):
        """Ranked page of procedures; non-editors see published ones only."""
        states = None if editor else [PUBLISHED]
        return self.index().search(q, states=states, **filters)


def searchable_text(version):
    """Everything a citizen may search by, besides the name."""
    parts = [version.code, version.field, version.target_group or "", version.result_name or ""]
    parts += [r["name"] for r in version.requirements]
    parts += list(version.legal_basis)
    return " ".join(parts)


def _with_defaults(data):
    """Fill what a caller that skipped the schema left out (tests, benches, old imports)."""
    data = dict(data)
    for name in _LIST_FIELDS:
        if data.get(name) is None:
            data[name] = []
    data["fee"] = data.get("fee") or 0
    if data.get("online_fee_set") is None:
        data["online_fee_set"] = data.get("online_fee") is not None
    if data.get("online_fee") is None:
        data["online_fee"] = default_online_fee(data["fee"])
    if data.get("receivable_anywhere") is None:
        data["receivable_anywhere"] = channels.default_anywhere(data["methods"])
    return data


def _freeze(value):
    """A deep, immutable copy: lists to tuples, dicts to tuples of items."""
    if isinstance(value, dict):
        return ("__dict__",) + tuple((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return tuple(_freeze(v) for v in items)
    return copy.copy(value)


def _thaw(value):
    """The plain lists and dicts of a frozen value."""
    if isinstance(value, tuple):
        if value[:1] == ("__dict__",):
            return {k: _thaw(v) for k, v in value[1:]}
        return [_thaw(v) for v in value]
    return value


def result_document_name(result_name):
    """The document a result description names: its text before any "(" or ";".

    "Giấy khai sinh (bản chính) và trích lục ..." names "Giấy khai sinh";
    versions written before ``result_title`` existed get their title this way.
    """
    return re.split(r"[(;]", result_name or "", maxsplit=1)[0].strip(" ,.")
