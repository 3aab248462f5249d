"""Domain errors: what went wrong, in words a person can act on.

Plain exceptions with no web imports, so the workflow, the vault and the
signing code can raise them and be tested without a request.  The exception
views in ``web/errors.py`` turn ``status`` into the HTTP answer of API.md:
``{"error": {"status", "message", "fields"}}``.

One class per meaning, one meaning per status: code that needs "this data is
wrong" raises :class:`Invalid`, never a look-alike of its own, so every
caller, view and test catches one type.  ``default_message`` is what a
person reads when the raiser has nothing more precise to say (Pyramid's own
404/403/400 answers use it too).
"""
from tthc_docs.text.messages import Message


#: A message with values filled in that remembers its template, to be translated
#: whole: ``Words("Tham số ${name} không hợp lệ.", name="limit")`` is the plain
#: Vietnamese string everywhere (JSON, logs, pages); the error view of a client
#: that asked for English translates it from the catalog.  One mechanism with the
#: pages' (``text.messages.Message``), under the name the raisers use.
Words = Message


class DomainError(Exception):
    """Base of every error the user can fix; never a 500."""

    status = 400
    default_message = "Yêu cầu không hợp lệ."

    def __init__(self, message=None, fields=None):
        message = message or self.default_message
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})

    def as_json(self):
        body = {"status": self.status, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        return {"error": body}


class BadRequest(DomainError):
    """The request itself is malformed (bad JSON, missing CSRF token)."""

    status = 400


class NotLoggedIn(DomainError):
    """The action needs a logged-in user."""

    status = 401
    default_message = "Bạn cần đăng nhập."


class NotAllowed(DomainError):
    """The user is known but may not do this."""

    status = 403
    default_message = "Bạn không có quyền thực hiện thao tác này."


class NotFound(DomainError):
    """No such object (or one the user may not know exists)."""

    status = 404
    default_message = "Không tìm thấy trang hoặc đối tượng yêu cầu."


class StateConflict(DomainError):
    """The object's state forbids the action; ``allowed`` says what it permits."""

    status = 409
    default_message = "Trạng thái hiện tại không cho phép thao tác này."

    def __init__(self, message=None, allowed=(), fields=None):
        super().__init__(message, fields)
        self.allowed = list(allowed)

    def as_json(self):
        body = super().as_json()
        body["error"]["allowed"] = self.allowed
        return body


class TooLarge(DomainError):
    """The body or upload is over the configured limit."""

    status = 413
    default_message = "Dữ liệu gửi lên quá lớn."


class UnsupportedType(DomainError):
    """The upload's content is not a type we accept."""

    status = 415
    default_message = "Loại tệp không được hỗ trợ."


class Invalid(DomainError):
    """The data is well-formed but wrong; ``fields`` maps each field to why."""

    status = 422
    default_message = "Dữ liệu không hợp lệ."


class TooManyAttempts(DomainError):
    """Throttled: wait before trying again (the answer says how long: ``Retry-After``)."""

    status = 429
    default_message = "Bạn đã thử quá nhiều lần, vui lòng đợi rồi thử lại."

    def __init__(self, message=None, retry_after=60, fields=None):
        super().__init__(message, fields)
        self.retry_after = int(retry_after)


class MethodNotAllowed(DomainError):
    """The URL exists but does not answer this HTTP method."""

    status = 405
    default_message = "Phương thức không được hỗ trợ."


class Unavailable(DomainError):
    """A service the system depends on (the remote signing service) is down or too slow.

    Answered 503 with ``Retry-After: retry_after`` (seconds), as RFC 9110
    section 10.2.3 suggests for a temporary outage.
    """

    status = 503
    default_message = "Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại sau ít phút."

    def __init__(self, message=None, retry_after=30, fields=None):
        super().__init__(message, fields)
        self.retry_after = int(retry_after)


#: Every error class by its status, for answers that only know a status.
BY_STATUS = {cls.status: cls for cls in (
    BadRequest, NotLoggedIn, NotAllowed, NotFound, MethodNotAllowed, StateConflict, TooLarge,
    UnsupportedType, Invalid, TooManyAttempts, Unavailable)}

