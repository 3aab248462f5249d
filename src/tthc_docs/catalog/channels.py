"""How a procedure may be filed: its ways (cách thức thực hiện) and the channels they admit.

The catalog publishes each procedure's ways of filing (``methods``), as the
national TTHC database lists them (Decree 63/2010/NĐ-CP art. 8, as amended
by Decree 92/2017/NĐ-CP: "cách thức thực hiện"). This system has two filing
channels: a citizen's own filing is online; a reception officer takes in at
the one-stop desk what was handed in or posted to it (Decree 61/2018/NĐ-CP
art. 15). Pure: no web, no database.
"""
from tthc_docs import errors
from tthc_docs.catalog.fees import COUNTER, ONLINE

#: The ways of filing a procedure may list, with their words (defined once).
METHODS = (("counter", "Trực tiếp"), ("post", "Qua bưu chính"), ("online", "Trực tuyến"))
#: Which ways admit each filing channel.
CHANNEL_METHODS = {ONLINE: frozenset({"online"}), COUNTER: frozenset({"counter", "post"})}


#: The words of the flag (defined once): Decree 118/2025/NĐ-CP on the one-stop mechanism.
ANYWHERE_TITLE = "Tiếp nhận không phụ thuộc địa giới hành chính"


def default_anywhere(methods):
    """Whether a procedure is received at any desk of the province when its editor did not say.

    Thái Nguyên receives "không phụ thuộc vào địa giới hành chính" (Decree
    118/2025/NĐ-CP on the one-stop mechanism, in force from 1 July 2025, and
    the province's plan for the two-level government) the procedures it
    offers as online public services: one that accepts online filing is
    already independent of the applicant's place, so any desk may take it
    in on the applicant's behalf. A procedure filed only on paper (chứng
    thực, where the signer appears before the certifying officer) stays at
    the agencies it lists unless its editor says otherwise.
    """
    return "online" in set(methods or ())


def receivable_anywhere(version):
    """True when any desk of the province may receive ``version``'s dossiers.

    The version's own ``receivable_anywhere`` when its editor set it (every
    version saved since the field exists has it); else the default above.
    """
    flag = getattr(version, "receivable_anywhere", None)
    return default_anywhere(version.methods) if flag is None else bool(flag)


def offered(version):
    """The filing channels a procedure version admits, or None when it lists no way.

    A version that lists no method says nothing (an import or a test that
    left the field out): it refuses no channel.
    """
    methods = set(version.methods or ())
    if not methods:
        return None
    return [channel for channel, ways in CHANNEL_METHODS.items() if methods & ways]


def check(version, channel):
    """409 when ``version`` is not offered through ``channel``, naming how it is.

    A procedure offered only at the counter (e.g. chứng thực chữ ký: the
    signer signs before the certifying officer, Decree 23/2015/NĐ-CP
    art. 24) refuses an online filing; ``allowed`` lists the channels it
    admits and the message the ways it is offered.
    """
    channels = offered(version)
    if channels is None or channel in channels:
        return
    methods = set(version.methods or ())
    words = ", ".join(title.lower() for m, title in METHODS if m in methods)
    where = "trực tuyến" if channel == ONLINE else "tại Bộ phận Một cửa"
    raise errors.StateConflict(
        f"Thủ tục {version.code} không nhận hồ sơ {where}; cách thức thực hiện: {words}.",
        allowed=channels, fields={"channel": f"thủ tục chỉ nhận: {words}"})
