"""The building blocks of the demo forms.

One field, a choice, the block of the person filing (prefilled from the
vault), another person's particulars, a land parcel, the payment block.
"""

KINH = 'Kinh'
VN = 'Việt Nam'
SEXES = ['Nam', 'Nữ']
PAY = ['Nhận tiền mặt', 'Chuyển khoản qua tài khoản ngân hàng']


def f(name, title, type='text', required=True, prefill=None, **extra):
    """One field definition."""
    field = {'name': name, 'title': title, 'type': type, 'required': required,
             'prefill': prefill}
    field.update(extra)
    return field


def ch(name, title, options, required=True, **extra):
    return f(name, title, 'choice', required, options=list(options), **extra)


def me(prefix='', *, birth=False, sex=False, address='permanent_address', email=True,
       address_title='Nơi cư trú', who=''):
    """The block of the person filing, prefilled from their vault profile."""
    out = [f(prefix + 'ho_ten', f'Họ, chữ đệm, tên{who}', prefill='profile.full_name',
             max_length=100)]
    if birth:
        out.append(f(prefix + 'ngay_sinh', f'Ngày, tháng, năm sinh{who}', 'date',
                     prefill='profile.birth_date'))
    if sex:
        out.append(ch(prefix + 'gioi_tinh', f'Giới tính{who}', SEXES, prefill='profile.sex'))
    out.append(f(prefix + 'so_dinh_danh', f'Số định danh cá nhân{who}', 'id_number',
                 prefill='profile.id_number', editable=False,
                 birth_date_field=prefix + 'ngay_sinh' if birth else None,
                 help='Lấy từ căn cước công dân trong kho dữ liệu; không sửa được.'))
    if address:
        out.append(f(prefix + 'noi_cu_tru', f'{address_title}{who}', 'address',
                     prefill='profile.' + address))
    out.append(f(prefix + 'dien_thoai', f'Số điện thoại{who}', 'phone', prefill='profile.phone'))
    if email:
        out.append(f(prefix + 'email', f'Thư điện tử{who}', 'email', required=False,
                     prefill='profile.email'))
    return out


def person(prefix, who, *, ethnic=True, nationality=True, birth='date', id_number=False,
           residence='text', sex=False):
    """Another person's particulars, typed by the citizen."""
    out = [f(prefix + 'ho_ten', f'Họ, chữ đệm, tên {who}', max_length=100)]
    if sex:
        out.append(ch(prefix + 'gioi_tinh', f'Giới tính {who}', SEXES))
    if birth == 'date':
        out.append(f(prefix + 'ngay_sinh', f'Ngày, tháng, năm sinh {who}', 'date'))
    elif birth == 'year':
        out.append(f(prefix + 'nam_sinh', f'Năm sinh {who}', 'integer', min=1900, max=2100))
    if ethnic:
        out.append(f(prefix + 'dan_toc', f'Dân tộc {who}', max_length=40))
    if nationality:
        out.append(f(prefix + 'quoc_tich', f'Quốc tịch {who}', max_length=60))
    if id_number:
        out.append(f(prefix + 'so_dinh_danh', f'Số định danh cá nhân {who}', 'id_number',
                     required=False))
    if residence:
        out.append(f(prefix + 'noi_cu_tru', f'Nơi cư trú {who}', residence))
    return out


def own_ethnicity():
    return [f('dan_toc', 'Dân tộc', max_length=40), f('quoc_tich', 'Quốc tịch', max_length=60)]


def copies(title='Số bản sao đề nghị cấp', low=0, high=20):
    return f('so_ban_sao', title, 'integer', min=low, max=high)


def oath(text='Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách '
              'nhiệm trước pháp luật về cam đoan của mình.'):
    return f('cam_doan', text, 'yesno')


def parcel(address=True):
    """A land parcel (thửa đất)."""
    out = [f('so_thua', 'Thửa đất số', max_length=20), f('to_ban_do', 'Tờ bản đồ số', max_length=20)]
    if address:
        out.append(f('dia_chi_thua', 'Địa chỉ thửa đất', 'address'))
    out.append(f('dien_tich', 'Diện tích (m²)', pattern=r'\d+([.,]\d{1,2})?',
                 pattern_hint='Nhập số mét vuông, ví dụ 120 hoặc 120,5.'))
    return out


def certificate():
    return f('so_gcn', 'Số phát hành Giấy chứng nhận (số seri)', max_length=30)


def payment():
    return [ch('hinh_thuc_nhan', 'Hình thức nhận tiền', PAY),
            f('so_tai_khoan', 'Số tài khoản ngân hàng (nếu nhận chuyển khoản)', required=False,
              pattern=r'\d{6,20}', pattern_hint='Số tài khoản gồm 6 đến 20 chữ số.'),
            f('ngan_hang', 'Tại ngân hàng', required=False, max_length=100)]


def registrar(forms):
    """``form(name, title, fields)`` that records a form definition in ``forms``."""
    def form(name, title, fields):
        forms[name] = {'name': name, 'title': title, 'fields': fields}
    return form
