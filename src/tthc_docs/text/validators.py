"""Validators for what citizens really type, with reasons in Vietnamese.

Pure functions, no web imports: the form schemas (``formschema``) and the
vault profiles (issue 5) both call them, so a phone number or an ID number is
judged the same way everywhere.  Each ``parse_*``/``normalize_*`` function
returns the canonical value and raises :class:`ValidationError` (a
``ValueError``) whose message a citizen can act on.
"""
import datetime
import functools
import re
import unicodedata

from tthc_docs.text.messages import Message
from tthc_docs.text.numbers import MAX_DIGITS, digits_fit

__all__ = [
    'ValidationError', 'PROVINCE_CODES', 'check_id_number', 'id_number_facts',
    'normalize_phone', 'parse_date', 'parse_money', 'parse_integer',
    'parse_bool', 'check_email', 'check_length', 'check_range',
    'compile_pattern', 'check_pattern', 'check_tax_code', 'nfc',
]


class ValidationError(ValueError):
    """A value a person typed that cannot be accepted; ``str()`` says why, ``reason`` too
    (a ``text.messages.Message`` when it has values in it: a page translates it whole)."""

    reason = property(lambda self: self.args[0] if self.args else str(self))


def nfc(text):
    """Vietnamese text arrives in NFC or NFD; store and compare NFC only."""
    return unicodedata.normalize('NFC', text)


# Province codes that open a 12-digit citizen ID (Thông tư 07/2016/TT-BCA,
# amended by Thông tư 59/2021/TT-BCA).  IDs keep the code of the province
# where they were issued, so the 63 pre-2025 codes stay valid.
PROVINCE_CODES = {
    '001': 'Hà Nội', '002': 'Hà Giang', '004': 'Cao Bằng', '006': 'Bắc Kạn',
    '008': 'Tuyên Quang', '010': 'Lào Cai', '011': 'Điện Biên',
    '012': 'Lai Châu', '014': 'Sơn La', '015': 'Yên Bái', '017': 'Hòa Bình',
    '019': 'Thái Nguyên', '020': 'Lạng Sơn', '022': 'Quảng Ninh',
    '024': 'Bắc Giang', '025': 'Phú Thọ', '026': 'Vĩnh Phúc',
    '027': 'Bắc Ninh', '030': 'Hải Dương', '031': 'Hải Phòng',
    '033': 'Hưng Yên', '034': 'Thái Bình', '035': 'Hà Nam',
    '036': 'Nam Định', '037': 'Ninh Bình', '038': 'Thanh Hóa',
    '040': 'Nghệ An', '042': 'Hà Tĩnh', '044': 'Quảng Bình',
    '045': 'Quảng Trị', '046': 'Thừa Thiên Huế', '048': 'Đà Nẵng',
    '049': 'Quảng Nam', '051': 'Quảng Ngãi', '052': 'Bình Định',
    '054': 'Phú Yên', '056': 'Khánh Hòa', '058': 'Ninh Thuận',
    '060': 'Bình Thuận', '062': 'Kon Tum', '064': 'Gia Lai',
    '066': 'Đắk Lắk', '067': 'Đắk Nông', '068': 'Lâm Đồng',
    '070': 'Bình Phước', '072': 'Tây Ninh', '074': 'Bình Dương',
    '075': 'Đồng Nai', '077': 'Bà Rịa - Vũng Tàu', '079': 'Hồ Chí Minh',
    '080': 'Long An', '082': 'Tiền Giang', '083': 'Bến Tre',
    '084': 'Trà Vinh', '086': 'Vĩnh Long', '087': 'Đồng Tháp',
    '089': 'An Giang', '091': 'Kiên Giang', '092': 'Cần Thơ',
    '093': 'Hậu Giang', '094': 'Sóc Trăng', '095': 'Bạc Liêu',
    '096': 'Cà Mau',
}

_SEPARATORS = re.compile(r'[\s.\-()]+')


def _digits_only(value, what):
    if not isinstance(value, str):
        raise ValidationError(Message('${what} phải là một chuỗi chữ số.', what=Message(what)))
    return _SEPARATORS.sub('', value.strip())


def id_number_facts(number):
    """Sex and century encoded in a well-formed ID: (sex, first_year_of_century).

    The fourth digit encodes both: even for men, odd for women; 0/1 born
    1900-1999, 2/3 2000-2099, 4/5 2100-2199, 6/7 2200-2299, 8/9 2300-2399.
    """
    digit = int(number[3])
    sex = 'Nam' if digit % 2 == 0 else 'Nữ'
    century = 1900 + (digit // 2) * 100
    return sex, century


def check_id_number(value, birth_date=None, sex=None):
    """Return the 12-digit citizen ID (số định danh cá nhân) or say what is wrong.

    Spaces and dots people put between groups are dropped.  The province code,
    the century/sex digit and, when ``birth_date`` is given, the birth year
    are checked; ``sex`` ('Nam'/'Nữ') is checked when given.
    """
    number = _digits_only(value, 'Số định danh cá nhân')
    if not number:
        raise ValidationError('Chưa nhập số định danh cá nhân.')
    if not (number.isascii() and number.isdigit()):  # not '²' or Arabic-Indic digits
        raise ValidationError(
            'Số định danh cá nhân chỉ gồm chữ số (12 chữ số).')
    if len(number) == 9:
        raise ValidationError(
            'Đây là số chứng minh nhân dân 9 chữ số; hãy nhập số định danh '
            'cá nhân 12 chữ số (in trên căn cước công dân).')
    if len(number) != 12:
        raise ValidationError(
            Message('Số định danh cá nhân phải có đúng 12 chữ số (đã nhập ${n} chữ số).', n=len(number)))
    if number[:3] not in PROVINCE_CODES:
        raise ValidationError(
            Message('Mã tỉnh "${code}" ở 3 chữ số đầu không phải mã tỉnh, thành phố nào; '
                    'hãy kiểm tra lại số định danh.', code=number[:3]))
    id_sex, century = id_number_facts(number)
    if birth_date is not None:
        born = parse_date(birth_date)
        if not century <= born.year < century + 100:
            raise ValidationError(
                Message('Chữ số thứ 4 (${digit}) cho biết người sinh trong các năm '
                        '${first}-${last}, không khớp với năm sinh ${year}.', digit=number[3],
                        first=century, last=century + 99, year=born.year))
        if int(number[4:6]) != born.year % 100:
            raise ValidationError(
                Message('Chữ số thứ 5-6 (${digits}) phải là hai số cuối của năm sinh ${year}.',
                        digits=number[4:6], year=born.year))
    if sex is not None and _fold_sex(sex) not in (None, id_sex):
        raise ValidationError(
            Message('Chữ số thứ 4 (${digit}) là của giới tính ${sex}, không khớp với giới '
                    'tính đã khai.', digit=number[3], sex=Message(id_sex)))
    return number


_SEX_WORDS = {'nam': 'Nam', 'male': 'Nam', 'm': 'Nam',
              'nu': 'Nữ', 'nữ': 'Nữ', 'female': 'Nữ', 'f': 'Nữ'}


def _fold_sex(value):
    return _SEX_WORDS.get(nfc(str(value)).strip().lower())


# Mobile numbers are 10 digits with these prefixes since the 2018 change of
# numbering; fixed lines are 11 digits starting with 02 (area code included).
_MOBILE_PREFIXES = ('03', '05', '07', '08', '09')


def normalize_phone(value):
    """Return a Vietnamese phone number as 10 (mobile) or 11 (fixed) digits.

    Accepts what people type: "+84 912 345 678", "(+84) 912.345.678",
    "0084912345678", "84912345678", "0912-345-678", "0258 3822 111".
    """
    raw = _digits_only(value, 'Số điện thoại')
    if not raw:
        raise ValidationError('Chưa nhập số điện thoại.')
    if raw.startswith('+'):
        raw = raw[1:]
        if not raw.startswith('84'):
            raise ValidationError(
                'Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84).')
        raw = '0' + raw[2:]
    elif raw.startswith('0084'):
        raw = '0' + raw[4:]
    elif raw.startswith('84') and len(raw) in (11, 12):
        raw = '0' + raw[2:]
    if not (raw.isascii() and raw.isdigit()):
        raise ValidationError('Số điện thoại chỉ gồm chữ số.')
    if raw.startswith('00'):
        raise ValidationError(
            'Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84).')
    if not raw.startswith('0'):
        raw = '0' + raw
    if raw.startswith('02'):
        if len(raw) != 11:
            raise ValidationError(
                Message('Số điện thoại cố định phải có 11 chữ số kể cả mã vùng (đã nhập ${n}).', n=len(raw)))
        return raw
    if not raw.startswith(_MOBILE_PREFIXES):
        raise ValidationError(
            Message('Đầu số "${prefix}" không phải đầu số di động Việt Nam.', prefix=raw[:3]))
    if len(raw) != 10:
        raise ValidationError(
            Message('Số điện thoại di động phải có 10 chữ số (đã nhập ${n}).', n=len(raw)))
    return raw


_ISO_DATE = re.compile(r'^(\d{4})-(\d{1,2})-(\d{1,2})$')
_VN_DATE = re.compile(r'^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$')


def parse_date(value):
    """Return a ``date`` from an ISO date or the Vietnamese dd/mm/yyyy.

    "2020-03-31", "31/03/2020", "31-3-2020" and "31.03.2020" all give the
    same day.  Two-digit years are refused: "01/02/20" is ambiguous.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValidationError('Chưa nhập ngày.')
    text = value.strip()
    if 'T' in text and _ISO_DATE.match(text.split('T', 1)[0]):
        text = text.split('T', 1)[0]
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _VN_DATE.match(text)
        if not match:
            raise ValidationError(
                Message('"${text}" không phải ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm, '
                        'ví dụ 31/12/1990.', text=text))
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) != 4:
            raise ValidationError(
                'Năm phải đủ 4 chữ số, ví dụ 31/12/1990.')
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(
            Message('Ngày ${date} không có trên lịch.', date=f'{day:02d}/{month:02d}/{year}')
        ) from None


_MONEY_SUFFIX = re.compile(r'\s*(đồng|đ|₫|vnđ|vnd)\s*$', re.IGNORECASE)
_GROUPED = re.compile(r'^\d{1,3}([.,\s]\d{3})+$')


def parse_money(value):
    """Return an amount in whole đồng from "1.500.000", "1 500 000 đ", 1500000.

    Vietnamese writes thousands with dots; commas in thousands groups
    ("1,500,000") are accepted too.  Fractions and negative amounts are
    refused: the đồng has no subunit.
    """
    if isinstance(value, bool):
        raise ValidationError('Số tiền phải là một số.')
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float) and value.is_integer():
        amount = int(value)
    elif isinstance(value, str):
        text = _MONEY_SUFFIX.sub('', nfc(value).strip())
        if not text:
            raise ValidationError('Chưa nhập số tiền.')
        if text.startswith('-'):
            raise ValidationError('Số tiền không được âm.')
        if text.isascii() and text.isdigit():
            amount = int(_few_digits(text))
        elif _GROUPED.match(text) and len(set(re.findall(r'[.,\s]', text))) == 1:
            amount = int(_few_digits(re.sub(r'[.,\s]', '', text)))
        elif re.match(r'^[\d.]+,\d+$', text) or re.match(r'^\d+\.\d{1,2}$', text):
            raise ValidationError('Số tiền tính bằng đồng, không có phần lẻ.')
        else:
            raise ValidationError(
                Message('"${value}" không phải số tiền; hãy nhập ví dụ 1.500.000.', value=value))
    else:
        raise ValidationError('Số tiền phải là một số.')
    if amount < 0:
        raise ValidationError('Số tiền không được âm.')
    return _not_huge(amount)


def parse_integer(value):
    """Return an int from an int or from digits (with an optional sign)."""
    if isinstance(value, bool):
        raise ValidationError('Phải là một số nguyên.')
    if isinstance(value, int):
        return _not_huge(value)
    if isinstance(value, float) and value.is_integer():
        return _not_huge(int(value))
    if isinstance(value, str) and re.match(r'^\s*[-+]?\d+\s*$', value):
        return int(_few_digits(value.strip()))
    raise ValidationError(Message('"${value}" không phải số nguyên.', value=str(value)[:40]))


def _few_digits(text):
    """``text`` if it is at most MAX_DIGITS ASCII digits (with a sign): ``int()`` of
    thousands of digits is slow, and past 4,300 a ValueError (a 500)."""
    if not digits_fit(text, MAX_DIGITS):
        raise ValidationError(Message('Số quá dài hoặc không phải chữ số (tối đa ${n} chữ số).', n=MAX_DIGITS))
    return text


def _not_huge(number):
    """``number`` if it has at most MAX_DIGITS digits (JSON clients send ints directly)."""
    if abs(number) >= 10 ** MAX_DIGITS:
        raise ValidationError(Message('Số quá lớn (tối đa ${n} chữ số).', n=MAX_DIGITS))
    return number


_TRUE = {'true', '1', 'yes', 'on', 'có', 'co', 'y'}
_FALSE = {'false', '0', 'no', 'off', 'không', 'khong', 'n', ''}


def parse_bool(value):
    """Return a bool from JSON booleans or from what a checkbox submits."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = nfc(value).strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValidationError('Hãy chọn "Có" hoặc "Không".')


_EMAIL = re.compile(r'^[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+\.)+[A-Za-z]{2,}$')


def check_email(value):
    """Return the address with its domain lower-cased, or say it is not one."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError('Chưa nhập thư điện tử.')
    text = value.strip()
    if not _EMAIL.match(text) or '..' in text:
        raise ValidationError(
            Message('"${text}" không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@example.vn).', text=text))
    local, domain = text.rsplit('@', 1)
    return f'{local}@{domain.lower()}'


def check_length(text, min_length=None, max_length=None):
    """Refuse text shorter or longer than the editor allowed."""
    if min_length is not None and len(text) < min_length:
        raise ValidationError(Message('Cần ít nhất ${n} ký tự.', n=min_length))
    if max_length is not None and len(text) > max_length:
        raise ValidationError(Message('Tối đa ${n} ký tự (đã nhập ${given}).', n=max_length, given=len(text)))
    return text


def check_range(number, minimum=None, maximum=None):
    """Refuse a number outside the editor's range."""
    if minimum is not None and number < minimum:
        raise ValidationError(Message('Giá trị nhỏ nhất là ${n}.', n=minimum))
    if maximum is not None and number > maximum:
        raise ValidationError(Message('Giá trị lớn nhất là ${n}.', n=maximum))
    return number


#: An editor's pattern longer than this is refused when the template is saved.
MAX_PATTERN_LENGTH = 500


def _re2_options():
    import re2
    options = re2.Options()
    options.log_errors = False   # a refusal is reported to the editor, not to stderr
    return options


@functools.lru_cache(maxsize=512)
def _compile_re2(pattern):
    import re2
    try:
        return re2.compile(pattern, _re2_options())
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode('utf-8', 'replace')
        raise ValidationError(f'Mẫu kiểm tra "{pattern}" không hợp lệ: {reason}.') from None


def compile_pattern(pattern):
    """Compile an editor's regular expression with RE2, or say why it is refused.

    RE2 matches in time linear in the input: Python's backtracking engine took
    1.6 s for ``(a+)+b`` on 26 characters and doubled with each one more, and
    editors' patterns run on every citizen's submission.  RE2 has no
    look-around and no back-references; a pattern using them is refused when
    the template is saved, naming the field.
    """
    if not isinstance(pattern, str):
        raise ValidationError('Mẫu kiểm tra phải là một biểu thức chính quy.')
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValidationError(f'Mẫu kiểm tra dài quá {MAX_PATTERN_LENGTH} ký tự.')
    return _compile_re2(pattern)


def check_pattern(text, pattern, hint=None):
    """Refuse text that does not match the whole editor's pattern."""
    if compile_pattern(pattern).fullmatch(text) is None:
        raise ValidationError(hint or 'Giá trị không đúng định dạng yêu cầu.')
    return text


def check_tax_code(value):
    """Return a tax code (mã số thuế): 10 digits, 10-3 digits for a branch,
    or the 12-digit personal ID that serves as a person's tax code."""
    if not isinstance(value, str):
        raise ValidationError('Mã số thuế phải là một chuỗi chữ số.')
    text = re.sub(r'[\s.]+', '', value.strip())
    if re.fullmatch(r'\d{10}', text) or re.fullmatch(r'\d{10}-\d{3}', text):
        return text
    if re.fullmatch(r'\d{12}', text):
        return check_id_number(text)
    raise ValidationError(
        'Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu "-" và 3 chữ số) '
        'hoặc là số định danh cá nhân 12 chữ số.')
