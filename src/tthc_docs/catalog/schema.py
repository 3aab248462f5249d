"""What an editor (or an import file) may save as a procedure.

One colander schema serves the deform editor pages, the JSON endpoints and
the import command, so the three refuse the same things with the same
words. Rules that need the site (known agencies, known form templates,
unique codes) come in through binding: `schema.bind(agencies=..., forms=...)`.
`validate(data, **bindings)` returns the clean dict or raises
`errors.Invalid` whose `fields` name each bad field (`steps.1.days`).
"""
import re

import colander
import deform.widget

from tthc_docs.catalog import doctypes
from tthc_docs.roles import OFFICER_ROLES, ROLE_TITLES
from tthc_docs.errors import Invalid
from tthc_docs.web.fields import deserialize
from tthc_docs.catalog.fees import round_dong
from tthc_docs.catalog.levels import LEVELS  # two levels since 1 July 2025 (+ central)
from tthc_docs.catalog.fees import default_online_fee
from tthc_docs.catalog.channels import ANYWHERE_TITLE, METHODS, default_anywhere

CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,39}$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
FORM_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
#: Who may carry a processing step: the officer roles, with their titles (``tthc_docs.roles``).
STEP_ROLES = tuple((role, ROLE_TITLES[role]) for role in OFFICER_ROLES)
ONLINE_LEVELS = (("toan-trinh", "Toàn trình"), ("mot-phan", "Một phần"))
MAX_DAYS = 365


class StrictInt(colander.Int):
    """An integer from JSON or a form; refuses 2.5, true and "12a"."""

    def deserialize(self, node, cstruct):
        if cstruct is colander.null or cstruct == "":
            return colander.null
        if isinstance(cstruct, bool) or isinstance(cstruct, float) and not cstruct.is_integer():
            raise colander.Invalid(node, "Phải là một số nguyên.")
        if isinstance(cstruct, str):
            text = cstruct.strip()
            if _GROUPED.fullmatch(text):  # "1.000.000" as Vietnamese write money
                text = text.replace(".", "")
            if not re.fullmatch(r"-?\d+", text):
                raise colander.Invalid(node, "Phải là một số nguyên.")
            cstruct = text
        return super().deserialize(node, cstruct)


_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")


def _regex(regex, message):
    def check(node, value):
        if not regex.match(value):
            raise colander.Invalid(node, message)
    return check


def _choice(pairs, what):
    ids = [k for k, _ in pairs]

    def check(node, value):
        if value not in ids:
            raise colander.Invalid(node, f"{what} không hợp lệ; chọn một trong: {', '.join(ids)}.")
    return check


def _text(name, title, required=True, **kw):
    return colander.SchemaNode(colander.String(), name=name, title=title,
                               missing=colander.required if required else "",
                               missing_msg="Bắt buộc nhập.", preparer=_strip, **kw)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _doc_type_check(node, value):
    if not doctypes.is_known(value):
        raise colander.Invalid(node, f"Loại giấy tờ '{value}' không có trong danh mục.")


DOC_TYPE_WIDGET = deform.widget.SelectWidget(values=doctypes.DOC_TYPES)


class Requirement(colander.MappingSchema):
    id = _text("id", "Mã thành phần", validator=_regex(ID_RE, "Chỉ gồm chữ thường không dấu, số và '-'."))
    name = _text("name", "Tên giấy tờ")
    doc_type = _text("doc_type", "Loại giấy tờ", validator=_doc_type_check, widget=DOC_TYPE_WIDGET)
    copies = colander.SchemaNode(StrictInt(), name="copies", title="Số bản", missing=1,
                                 validator=colander.Range(1, 20, min_err="Ít nhất 1 bản.", max_err="Không quá 20 bản."))
    required = colander.SchemaNode(colander.Boolean(), name="required", title="Bắt buộc",
                                   missing=True, default=True)


class Step(colander.MappingSchema):
    id = _text("id", "Mã bước", validator=_regex(ID_RE, "Chỉ gồm chữ thường không dấu, số và '-'."))
    name = _text("name", "Nội dung công việc")
    role = _text("role", "Vai trò", validator=_choice(STEP_ROLES, "Vai trò"),
                 widget=deform.widget.SelectWidget(values=STEP_ROLES))
    days = colander.SchemaNode(StrictInt(), name="days", title="Số ngày làm việc",
                               validator=colander.Range(0, MAX_DAYS, min_err="Không được âm.", max_err=f"Không quá {MAX_DAYS} ngày."))


class Requirements(colander.SequenceSchema):
    requirement = Requirement(title="Giấy tờ")


class Steps(colander.SequenceSchema):
    step = Step(title="Bước xử lý")


class Lines(colander.SequenceSchema):
    line = colander.SchemaNode(colander.String(), title="Dòng", preparer=_strip)


#: The editor's three answers; "" leaves it to ``channels.default_anywhere``.
ANYWHERE_CHOICES = (("", "Theo mặc định (có, nếu thủ tục nhận hồ sơ trực tuyến)"),
                    ("true", "Có: mọi Bộ phận Một cửa trong tỉnh tiếp nhận"),
                    ("false", "Không: chỉ cơ quan thực hiện tiếp nhận"))


class StrictBool(colander.Boolean):
    """true or false (JSON), "true"/"false"/"1"/"0" (CSV, forms); anything else is a 422."""

    def __init__(self):
        super().__init__(false_choices=("false", "0"), true_choices=("true", "1"))

    def deserialize(self, node, cstruct):
        if cstruct is not colander.null and not isinstance(cstruct, (bool, str)):
            raise colander.Invalid(node, "Phải là true hoặc false.")
        try:
            return super().deserialize(node, cstruct)
        except colander.Invalid:
            raise colander.Invalid(node, "Phải là true hoặc false.") from None


class TextSet(colander.Set):
    """A set of codes: JSON items that are not text (numbers, lists, objects) are a 422."""

    def deserialize(self, node, cstruct):
        if isinstance(cstruct, (list, tuple)) and not all(isinstance(v, str) for v in cstruct):
            raise colander.Invalid(node, "Mỗi giá trị phải là một chuỗi ký tự.")
        return super().deserialize(node, cstruct)


@colander.deferred
def _agency_widget(node, kw):
    return deform.widget.CheckboxChoiceWidget(values=kw.get("agency_choices") or ())


@colander.deferred
def _agency_check(node, kw):
    known = kw.get("agencies")

    def check(node, value):
        if not value:
            raise colander.Invalid(node, "Chọn ít nhất một cơ quan thực hiện.")
        unknown = sorted(set(value) - set(known)) if known is not None else []
        if unknown:
            raise colander.Invalid(node, f"Không có cơ quan mã: {', '.join(unknown)}.")
    return check


@colander.deferred
def _form_check(node, kw):
    known = kw.get("forms")

    def check(node, value):
        if not FORM_RE.match(value):
            raise colander.Invalid(node, "Tên mẫu đơn chỉ gồm chữ thường không dấu, số và '-'.")
        if known is not None and value not in known:
            raise colander.Invalid(node, f"Không có mẫu đơn '{value}' trong thư viện biểu mẫu.")
    return check


@colander.deferred
def _code_check(node, kw):
    taken = kw.get("taken_codes")

    def check(node, value):
        if not CODE_RE.match(value):
            raise colander.Invalid(node, "Mã thủ tục chỉ gồm chữ, số, '.' và '-' (ví dụ 1.001193).")
        if taken is not None and value in taken:
            raise colander.Invalid(node, f"Đã có thủ tục mã {value}.")
    return check


class ProcedureSchema(colander.MappingSchema):
    code = _text("code", "Mã thủ tục", validator=_code_check)
    name = _text("name", "Tên thủ tục")
    field = _text("field", "Lĩnh vực")
    level = _text("level", "Cấp thực hiện", validator=_choice(LEVELS, "Cấp thực hiện"),
                  widget=deform.widget.SelectWidget(values=LEVELS))
    agencies = colander.SchemaNode(TextSet(), name="agencies", title="Cơ quan thực hiện",
                                   validator=_agency_check, widget=_agency_widget,
                                   missing_msg="Chọn ít nhất một cơ quan thực hiện.")
    processing_days = colander.SchemaNode(
        StrictInt(), name="processing_days", title="Thời hạn giải quyết (ngày làm việc)",
        missing_msg="Bắt buộc nhập.",
        validator=colander.Range(1, MAX_DAYS, min_err="Ít nhất 1 ngày làm việc.",
                                 max_err=f"Không quá {MAX_DAYS} ngày làm việc."))
    fee = colander.SchemaNode(StrictInt(), name="fee", title="Phí, lệ phí nộp trực tiếp (đồng)",
                              missing=0, validator=colander.Range(0, min_err="Phí không được âm."))
    online_fee = colander.SchemaNode(
        StrictInt(), name="online_fee", title="Phí, lệ phí nộp trực tuyến (đồng; để trống = 50%)",
        missing=None, validator=colander.Range(0, min_err="Phí không được âm."))
    methods = colander.SchemaNode(TextSet(), name="methods", title="Cách thức thực hiện",
                                  missing=("counter",), widget=deform.widget.CheckboxChoiceWidget(values=METHODS),
                                  validator=lambda node, v: _all_in(node, v, METHODS, "Cách thức"))
    receivable_anywhere = colander.SchemaNode(
        StrictBool(), name="receivable_anywhere", title=ANYWHERE_TITLE, missing=None,
        widget=deform.widget.SelectWidget(values=ANYWHERE_CHOICES))
    online_level = _text("online_level", "Mức độ dịch vụ công trực tuyến", required=False,
                         validator=_choice(ONLINE_LEVELS, "Mức độ"),
                         widget=deform.widget.SelectWidget(values=ONLINE_LEVELS))
    target_group = _text("target_group", "Đối tượng thực hiện", required=False)
    form = _text("form", "Mẫu đơn, tờ khai điện tử", required=False, validator=_form_check)
    result_doc_type = _text("result_doc_type", "Loại giấy tờ kết quả", validator=_doc_type_check,
                            widget=DOC_TYPE_WIDGET)
    result_name = _text("result_name", "Mô tả kết quả", required=False)
    result_title = _text("result_title", "Tên văn bản kết quả (tiêu đề in trên kết quả, "
                         "ví dụ: Giấy xác nhận tình trạng hôn nhân)", required=False,
                         validator=colander.Length(max=200))
    requirements = Requirements(name="requirements", title="Thành phần hồ sơ", missing=())
    steps = Steps(name="steps", title="Quy trình nội bộ", missing_msg="Cần ít nhất một bước xử lý.",
                  validator=colander.Length(min=1, min_err="Cần ít nhất một bước xử lý."))
    citizen_steps = Lines(name="citizen_steps", title="Trình tự thực hiện", missing=())
    legal_basis = Lines(name="legal_basis", title="Căn cứ pháp lý", missing=())

    def validator(self, node, value):
        """Cross-field rules: unique ids, steps within the processing time."""
        errors = colander.Invalid(node)
        for seq in ("requirements", "steps"):
            ids = [item["id"] for item in value.get(seq) or ()]
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                errors[seq] = f"Mã bị trùng: {', '.join(dup)}."
        total = sum(step["days"] for step in value.get("steps") or ())
        if total > value["processing_days"]:
            errors["steps"] = (f"Tổng số ngày các bước ({total}) vượt thời hạn giải quyết "
                               f"({value['processing_days']} ngày làm việc).")
        if errors.children or errors.msg:
            raise errors


def _all_in(node, values, pairs, what):
    ids = {k for k, _ in pairs}
    bad = sorted(set(values) - ids)
    if bad:
        raise colander.Invalid(node, f"{what} không hợp lệ: {', '.join(bad)}.")


def validate(data, **bindings):
    """The clean procedure dict of `data`, or `Invalid` naming each bad field."""
    if not isinstance(data, dict):
        raise Invalid("Dữ liệu thủ tục phải là một đối tượng.", {"": "không phải đối tượng JSON"})
    schema = ProcedureSchema().bind(**bindings)
    clean = deserialize(schema, _cstruct(data), "Dữ liệu thủ tục không hợp lệ.",
                        whole="", key=field_path)
    return finish(clean)


def field_path(path):
    """A colander path as a client names the field: "steps.1.days", not "steps.step.1.days"."""
    return path.replace("requirements.requirement.", "requirements.").replace("steps.step.", "steps.")


def finish(clean):
    """Normalise a deserialized appstruct to what a version stores."""
    clean = dict(clean)
    clean["agencies"] = sorted(clean["agencies"])
    clean["methods"] = [m for m, _ in METHODS if m in set(clean["methods"])]
    if clean.get("receivable_anywhere") is None:
        clean["receivable_anywhere"] = default_anywhere(clean["methods"])
    clean["online_fee_set"] = clean.get("online_fee") is not None
    if clean.get("online_fee") is None:
        clean["online_fee"] = default_online_fee(clean["fee"] or 0)
    clean["form"] = clean.get("form") or None
    clean["requirements"] = [dict(r) for r in clean["requirements"]]
    clean["steps"] = [dict(s) for s in clean["steps"]]
    clean["citizen_steps"] = [x for x in clean["citizen_steps"] if x]
    clean["legal_basis"] = [x for x in clean["legal_basis"] if x]
    return clean


def _cstruct(data):
    """JSON data as colander expects it: numbers and booleans as given, None as missing."""
    out = {}
    for key, value in data.items():
        if value is None:
            continue
        if key in ("requirements", "steps") and isinstance(value, list):
            value = [_item(v) for v in value]
        out[key] = value
    return out


def _item(value):
    if not isinstance(value, dict):
        return value
    return {k: ("true" if v is True else "false" if v is False else v)
            for k, v in value.items() if v is not None}


def bindings_for(site, code=None):
    """What the schema checks against: agencies, form templates, taken codes.

    ``code``: the procedure being edited (its code is not "taken"), or None
    for a new one.
    """
    agencies = site["agencies"].all()
    return {"agencies": {a.code for a in agencies}, "forms": set(site["forms"].keys()),
            "agency_choices": [(a.code, f"{a.name} ({a.code})") for a in agencies],
            "taken_codes": set(site["procedures"].keys()) if code is None else None}


def validate_draft(site, data, code=None):
    """A new procedure (``code`` None) or the next draft of ``code``, checked against the site.

    A procedure's code never changes: saying so comes before any other
    complaint, since the rest of the data may be fine.
    """
    if code is not None and data.setdefault("code", code) != code:
        raise Invalid("Không được đổi mã thủ tục.", {"code": "Mã thủ tục không được thay đổi."})
    return validate(data, **bindings_for(site, code))
