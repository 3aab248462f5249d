"""The states of a dossier and the named groups of them, defined once (pure).

Every module that asks "is this dossier still open?" imports the answer from
here; the project once shipped a bug from two spellings of one idea. The
groups, from the widest to the narrowest:

``ACTIVE`` (= not ``FINAL``)
    Something may still happen: the officers' default queue lists these, and
    a vault document attached to such a dossier may not be deleted (a result
    that is ready but not handed over still needs its papers).
``OPEN``
    The dossier still owes its outcome: the legal clock runs (or is paused
    for a supplement), so it can be late, is due soon, and sits in the
    registry's "open" due-date index. ``RESULT_READY`` is not open: the
    outcome exists, only the hand-over remains.
``WITHDRAWABLE``
    The citizen may still withdraw: open, except while the result awaits
    the leader's signature (the decision has been made then).
``FINAL``
    Nothing leads out of it: returned, rejected or withdrawn.
``PAYABLE``
    The fee may be paid (online or at the counter): before receipt, or while
    the citizen completes the file.
"""

SUBMITTED = 'submitted'
RECEIVED = 'received'
PROCESSING = 'processing'
AWAITING_SIGNATURE = 'awaiting_signature'
RESULT_READY = 'result_ready'
RETURNED = 'returned'
SUPPLEMENT_REQUESTED = 'supplement_requested'
REJECTED = 'rejected'
WITHDRAWN = 'withdrawn'
#: Every state, in the order of the lifecycle (listings and forms use this order).
STATES = (SUBMITTED, RECEIVED, PROCESSING, AWAITING_SIGNATURE, RESULT_READY,
          RETURNED, SUPPLEMENT_REQUESTED, REJECTED, WITHDRAWN)

FINAL = frozenset({RETURNED, REJECTED, WITHDRAWN})
ACTIVE = frozenset(STATES) - FINAL
OPEN = ACTIVE - {RESULT_READY}
WITHDRAWABLE = OPEN - {AWAITING_SIGNATURE}
PAYABLE = frozenset({SUBMITTED, SUPPLEMENT_REQUESTED})

STATE_LABELS = {
    SUBMITTED: 'Đã nộp', RECEIVED: 'Đã tiếp nhận', PROCESSING: 'Đang xử lý',
    AWAITING_SIGNATURE: 'Chờ ký', RESULT_READY: 'Có kết quả',
    RETURNED: 'Đã trả kết quả', SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung',
    REJECTED: 'Từ chối', WITHDRAWN: 'Đã rút',
}


def in_order(group):
    """The states of ``group`` as a tuple in lifecycle order (stable JSON, stable pages)."""
    return tuple(state for state in STATES if state in group)
