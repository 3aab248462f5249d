"""Location-independent filing: which desk may receive a dossier, which agency settles it.

Thái Nguyên receives dossiers "không phụ thuộc vào địa giới hành chính": any
one-stop desk of the province may receive a dossier of a procedure that
allows it (its ``receivable_anywhere``, ``catalog.channels``), whatever the
applicant's address (Decree 118/2025/NĐ-CP on the one-stop mechanism, in
force since 1 July 2025, after Decree 61/2018/NĐ-CP as amended by Decree
107/2021/NĐ-CP, art. 14). The desk
that receives and the agency that settles are then two different things,
and both belong on the record:

- the receiving desk is the officer's own unit (``Dossier.receiving_agency``);
  its reception officers do the intake, nothing more (``roles.DESK``);
- the handling agency follows the procedure's rules: a commune-level
  procedure is settled by the commune where the applicant lives when that
  commune is one of the procedure's agencies; otherwise by the desk itself
  if the procedure lists it, else by the procedure's province-level agency
  (the public-service centre), else by the first agency it lists.

Pure over the agency tree and a procedure version: no web, no dossiers.
"""
from tthc_docs.catalog import channels
from tthc_docs.text import addresses
from tthc_docs.text.validators import ValidationError

def allows_any_desk(version):
    """True when any desk of the province may receive the procedure's dossiers (its flag)."""
    return channels.receivable_anywhere(version)


def residence_commune(profile):
    """The official code of the commune where the applicant lives, or None."""
    for key in ("permanent_address", "current_address"):
        text = (profile or {}).get(key)
        if not text:
            continue
        try:
            return addresses.check_address(text)["commune_code"]
        except ValidationError:
            continue
    return None


def handling_agency(tree, version, residence=None, desk=None):
    """The code of the agency that settles a dossier of ``version`` (see the module's rules)."""
    listed = list(version.agencies or ())
    if version.level == "commune":
        home = tree.for_commune(residence)
        if home is not None and home.code in listed:
            return home.code
    if desk in listed:
        return desk
    for code in listed:
        agency = tree.by_code(code)
        if agency is not None and agency.level == "province":
            return code
    return listed[0] if listed else desk


def may_receive(tree, version, desk):
    """True when the unit ``desk`` may receive a dossier of ``version`` at its counter."""
    if tree.by_code(desk) is None:
        return False
    return desk in (version.agencies or ()) or allows_any_desk(version)
