"""Validation of account data sent by an admin (JSON or the HTML form)."""
import re

from tthc_docs import security as s
from tthc_docs.errors import Invalid

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
MIN_PASSWORD = 10
ACCOUNT_FIELDS = {"login", "password", "full_name", "roles", "agency", "title", "active"}


def _text(data, name, errors, required=True, max_len=200):
    value = data.get(name)
    if value is None or value == "":
        if required:
            errors[name] = "Bắt buộc."
        return None
    if not isinstance(value, str):
        errors[name] = "Phải là chuỗi ký tự."
        return None
    value = value.strip()
    if len(value) > max_len:
        errors[name] = f"Tối đa {max_len} ký tự."
    return value


def _roles(data, errors, required):
    roles = data.get("roles")
    if roles is None:
        if required:
            errors["roles"] = "Cần ít nhất một vai trò."
        return None
    if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
        errors["roles"] = "Phải là danh sách vai trò."
        return None
    unknown = sorted(set(roles) - set(s.ROLES))
    if unknown:
        errors["roles"] = f"Vai trò không tồn tại: {', '.join(unknown)}."
        return None
    return sorted(set(roles))


def validate_account(data, agencies, creating=True):
    """Clean account fields or raise Invalid naming each bad field."""
    errors = {k: "Trường không được hỗ trợ." for k in set(data) - ACCOUNT_FIELDS}
    clean = {}
    if creating:
        login = _text(data, "login", errors)
        if login and not LOGIN_RE.match(login):
            errors["login"] = "3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch."
        clean["login"] = login
    password = _text(data, "password", errors, required=creating, max_len=200)
    if password is not None and len(password) < MIN_PASSWORD:
        errors["password"] = f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."
    clean["password"] = password
    clean["full_name"] = _text(data, "full_name", errors, required=creating)
    clean["title"] = _text(data, "title", errors, required=False) or ""
    clean["roles"] = _roles(data, errors, required=creating)
    agency = data.get("agency")
    if agency not in (None, "") and (not isinstance(agency, str) or agencies.by_code(agency) is None):
        errors["agency"] = "Không có cơ quan với mã này."
    clean["agency"] = agency or None
    if "active" in data:
        if not isinstance(data["active"], bool):
            errors["active"] = "Phải là true hoặc false."
        clean["active"] = data["active"]
    roles = clean["roles"] or []
    if set(roles) & set(s.OFFICER_ROLES) and not clean["agency"] and creating:
        errors["agency"] = "Cán bộ phải thuộc một cơ quan."
    if errors:
        raise Invalid("Dữ liệu tài khoản không hợp lệ.", errors)
    return clean
