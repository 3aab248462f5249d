"""Domain errors: what went wrong, in words a person can act on.

Plain exceptions with no web imports, so the workflow, the vault and the
signing code can raise them and be tested without a request.  The exception
views in ``views/errors.py`` turn ``status`` into the HTTP answer of API.md:
``{"error": {"status", "message", "fields"}}``.
"""


class DomainError(Exception):
    """Base of every error the user can fix; never a 500."""

    status = 400

    def __init__(self, message, fields=None):
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


class NotAllowed(DomainError):
    """The user is known but may not do this."""

    status = 403


class NotFound(DomainError):
    """No such object (or one the user may not know exists)."""

    status = 404


class StateConflict(DomainError):
    """The object's state forbids the action; ``allowed`` says what it permits."""

    status = 409

    def __init__(self, message, allowed=(), fields=None):
        super().__init__(message, fields)
        self.allowed = list(allowed)

    def as_json(self):
        body = super().as_json()
        body["error"]["allowed"] = self.allowed
        return body


class TooLarge(DomainError):
    """The body or upload is over the configured limit."""

    status = 413


class UnsupportedType(DomainError):
    """The upload's content is not a type we accept."""

    status = 415


class Invalid(DomainError):
    """The data is well-formed but wrong; ``fields`` maps each field to why."""

    status = 422


class TooManyAttempts(DomainError):
    """Throttled: wait before trying again."""

    status = 429

    def __init__(self, message, retry_after=60, fields=None):
        super().__init__(message, fields)
        self.retry_after = int(retry_after)
