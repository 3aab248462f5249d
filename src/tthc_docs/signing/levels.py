"""What a signed PDF holds besides its signature: PAdES level, and what was added after signing.

``level`` names the PAdES baseline level (ETSI EN 319 142-1): B-B (a
signature), B-T (+ a trusted time of the signature, RFC 3161), B-LT (+ the
validation data in the document's DSS), B-LTA (+ a document timestamp over
it all, renewed by ``archive.py``).

``added_after_signing`` reads each revision that follows the signed one and
says what it added, in words. pyHanko's diff analysis accepts an update of
the document information (/Info: author, title) as harmless
(``ModificationLevel.LTA_UPDATES``); the file is then no longer exactly what
was signed, and a person checking it must be told so. Only validation data
(DSS) and document timestamps count as expected additions.
"""
from pyhanko.pdf_utils import generic

DSS = "dss"
ARCHIVE_TIMESTAMP = "archive_timestamp"
INFO = "info"
OTHER = "other"
#: Additions that keep a result exactly what was signed (PAdES B-LT/B-LTA material).
EXPECTED = frozenset({DSS, ARCHIVE_TIMESTAMP})
WORDS = {
    DSS: "dữ liệu xác thực chứng thư (DSS)",
    ARCHIVE_TIMESTAMP: "dấu thời gian lưu trữ",
    INFO: "thông tin mô tả tệp (tác giả, tiêu đề, phần mềm tạo…)",
    OTHER: "nội dung hoặc đối tượng khác của tệp",
}


def level(reader, status):
    """B-B, B-T, B-LT or B-LTA for the (last) signature whose pyHanko ``status`` is given."""
    if status.timestamp_validity is None:
        return "B-B"
    if "/DSS" not in reader.root:
        return "B-T"
    return "B-LTA" if reader.embedded_timestamp_signatures else "B-LT"


def _ref(value):
    return value.reference if isinstance(value, generic.IndirectObject) else None


#: Objects whose change alters what a reader sees: never validation data.
_VISIBLE_TYPES = frozenset({"/Page", "/Pages", "/Annot", "/XObject", "/Font", "/Action"})


def _dss_ref(resolver):
    return _ref(resolver.root.raw_get("/DSS")) if "/DSS" in resolver.root else None


def _info_ref(resolver):
    trailer = resolver.trailer_view
    return _ref(trailer.raw_get("/Info")) if "/Info" in trailer else None


def _visible_change(reader, changed):
    for ref in changed:
        obj = reader.get_object(ref)
        if isinstance(obj, generic.DictionaryObject) and obj.get("/Type") in _VISIBLE_TYPES:
            return True
    return False


def _kind_of_revision(reader, revision, timestamp_revisions):
    """What one incremental update added (one kind per revision, the most telling).

    pyHanko's own DSS updates also touch /Info (producer, date): a revision
    that updates the DSS and shows nothing new counts as validation data; an
    /Info change without a DSS update is someone editing the file.
    """
    if revision in timestamp_revisions:
        return ARCHIVE_TIMESTAMP
    before = reader.get_historical_resolver(revision - 1)
    after = reader.get_historical_resolver(revision)
    changed = reader.xrefs.explicit_refs_in_revision(revision)
    if _visible_change(reader, changed):
        return OTHER
    dss = _dss_ref(after)
    if dss is not None and (dss in changed or dss != _dss_ref(before)):
        return DSS
    info = _info_ref(after)
    if info is not None and (info in changed or info != _info_ref(before)):
        return INFO
    return OTHER


def added_after_signing(reader, sig):
    """The kinds of what each revision after ``sig``'s added, in order (``[]`` if none)."""
    signed = sig.signed_revision
    total = reader.xrefs.total_revisions
    timestamps = {ts.signed_revision for ts in reader.embedded_timestamp_signatures}
    return [_kind_of_revision(reader, r, timestamps) for r in range(signed + 1, total)]


def modified(kinds):
    """True when something other than validation data and archive timestamps was added."""
    return any(kind not in EXPECTED for kind in kinds)


def describe(kinds):
    """The additions in words, each once, in order."""
    seen = []
    for kind in kinds:
        if WORDS[kind] not in seen:
            seen.append(WORDS[kind])
    return seen
