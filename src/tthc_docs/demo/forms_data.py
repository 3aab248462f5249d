"""Demo form templates: one per form name of the demo procedures.

Modelled on the forms of the Ministry of Justice, the Ministry of Planning
and Investment, the Ministry of Natural Resources and Environment, the
Ministry of Construction and the Ministry of Labour (tờ khai, đơn, giấy đề
nghị); the field lists are plausible, not authoritative.  Only what the
person filing declares about themself is prefilled from their vault
profile: another person's data (the child, the spouse, the deceased, the
worker) is typed, because the vault does not hold it.
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


FORMS = {}


def form(name, title, fields):
    FORMS[name] = {'name': name, 'title': title, 'fields': fields}


form('to-khai-khai-sinh', 'Tờ khai đăng ký khai sinh', me('nyc_', birth=True, who=' người yêu cầu') + [
    ch('quan_he', 'Quan hệ với người được khai sinh', ['Cha', 'Mẹ', 'Ông', 'Bà', 'Người thân thích khác']),
    f('ks_ho_ten', 'Họ, chữ đệm, tên người được khai sinh', max_length=100),
    ch('ks_gioi_tinh', 'Giới tính', SEXES),
    f('ks_ngay_sinh', 'Ngày, tháng, năm sinh', 'date'),
    f('ks_noi_sinh', 'Nơi sinh (cơ sở y tế, địa danh)', max_length=200),
    f('ks_dan_toc', 'Dân tộc', max_length=40, help='Ví dụ: Kinh'),
    f('ks_quoc_tich', 'Quốc tịch', max_length=60, help='Ví dụ: Việt Nam'),
    f('ks_que_quan', 'Quê quán', max_length=200),
] + person('cha_', 'của cha', birth='year') + person('me_', 'của mẹ', birth='year') + [
    copies('Số bản sao Trích lục khai sinh đề nghị cấp'), oath()])

form('to-khai-dang-ky-ket-hon', 'Tờ khai đăng ký kết hôn', [
    ch('nguoi_khai_la', 'Người nộp tờ khai là', ['Bên nam', 'Bên nữ']),
] + me('', birth=True, address_title='Nơi cư trú') + own_ethnicity() + [
    f('lan_ket_hon', 'Kết hôn lần thứ', 'integer', min=1, max=10),
] + person('ben_kia_', 'của bên kia', id_number=True) + [
    f('ben_kia_lan_ket_hon', 'Kết hôn lần thứ (bên kia)', 'integer', min=1, max=10),
    oath('Chúng tôi cam đoan hai bên tự nguyện kết hôn, đáp ứng đủ điều kiện kết hôn và '
         'chịu trách nhiệm trước pháp luật về cam đoan của mình.')])

form('to-khai-khai-tu', 'Tờ khai đăng ký khai tử', me('nyc_', who=' người yêu cầu') + [
    f('quan_he', 'Quan hệ với người đã chết', max_length=60),
    f('nc_ho_ten', 'Họ, chữ đệm, tên người đã chết', max_length=100),
    ch('nc_gioi_tinh', 'Giới tính người đã chết', SEXES),
    f('nc_ngay_sinh', 'Ngày, tháng, năm sinh người đã chết', 'date'),
    f('nc_dan_toc', 'Dân tộc', max_length=40), f('nc_quoc_tich', 'Quốc tịch', max_length=60),
    f('nc_so_dinh_danh', 'Số định danh cá nhân người đã chết', 'id_number', required=False,
      birth_date_field='nc_ngay_sinh'),
    f('nc_noi_cu_tru', 'Nơi cư trú cuối cùng', 'address'),
    f('ngay_chet', 'Ngày chết', 'date'), f('noi_chet', 'Nơi chết', max_length=200),
    f('nguyen_nhan', 'Nguyên nhân chết', max_length=200),
    f('giay_bao_tu', 'Giấy báo tử hoặc giấy tờ thay thế (số, ngày, cơ quan cấp)', max_length=200),
    copies('Số bản sao Trích lục khai tử đề nghị cấp'), oath()])

form('to-khai-xac-nhan-tinh-trang-hon-nhan', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
     me('', birth=True, sex=True, address_title='Nơi thường trú') + own_ethnicity() + [
    ch('tinh_trang', 'Tình trạng hôn nhân hiện nay',
       ['Chưa kết hôn', 'Đang có vợ/chồng', 'Đã ly hôn', 'Vợ/chồng đã chết']),
    ch('muc_dich', 'Mục đích sử dụng', ['Đăng ký kết hôn', 'Mua bán, chuyển nhượng tài sản',
                                         'Mục đích khác']),
    f('muc_dich_chi_tiet', 'Ghi rõ (kết hôn với ai, tại đâu; hoặc mục đích khác)',
      'textarea', max_length=500),
    f('qua_trinh_cu_tru', 'Nơi cư trú trước đây (nếu đã thay đổi)', 'textarea', required=False,
      max_length=1000),
    copies('Số bản đề nghị cấp', 1, 10), oath()])

form('to-khai-cap-ban-sao-trich-luc', 'Tờ khai cấp bản sao trích lục hộ tịch',
     me('nyc_', who=' người yêu cầu') + [
    f('quan_he', 'Quan hệ với người được cấp bản sao', max_length=60, help='Ví dụ: bản thân, con'),
    ch('loai_trich_luc', 'Loại việc hộ tịch', ['Khai sinh', 'Kết hôn', 'Khai tử',
                                                'Nhận cha, mẹ, con', 'Việc hộ tịch khác']),
    f('nguoi_duoc_cap', 'Họ, chữ đệm, tên người có thông tin hộ tịch', max_length=100),
    f('ngay_sinh_nguoi_duoc_cap', 'Ngày sinh người có thông tin hộ tịch', 'date'),
    f('so_dang_ky', 'Số đăng ký (nếu biết)', required=False, max_length=30),
    f('ngay_dang_ky', 'Ngày đăng ký (nếu biết)', 'date', required=False),
    f('noi_dang_ky', 'Cơ quan đã đăng ký', max_length=200),
    copies('Số bản sao đề nghị cấp', 1, 20), oath()])

form('to-khai-thay-doi-cai-chinh-ho-tich', 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
     me('nyc_', who=' người yêu cầu') + [
    f('quan_he', 'Quan hệ với người được thay đổi, cải chính', max_length=60),
    f('nguoi_duoc_tdcc', 'Họ, chữ đệm, tên người được thay đổi, cải chính', max_length=100),
    f('ngay_sinh_nguoi_duoc_tdcc', 'Ngày sinh', 'date'),
    f('giay_to_da_cap', 'Giấy tờ hộ tịch đã cấp (tên, số, ngày, cơ quan cấp)', max_length=300),
    ch('noi_dung', 'Nội dung đề nghị', ['Thay đổi thông tin hộ tịch', 'Cải chính thông tin hộ tịch',
                                        'Bổ sung thông tin hộ tịch', 'Xác định lại dân tộc']),
    f('thong_tin_cu', 'Thông tin hiện ghi', 'textarea', max_length=500),
    f('thong_tin_moi', 'Thông tin đề nghị ghi', 'textarea', max_length=500),
    f('ly_do', 'Lý do', 'textarea', max_length=1000),
    copies('Số bản sao Trích lục đề nghị cấp'), oath()])

form('to-khai-yeu-cau-chung-thuc', 'Phiếu yêu cầu chứng thực',
     me('', address_title='Địa chỉ liên hệ', address='current_address') + [
    ch('loai_chung_thuc', 'Việc yêu cầu chứng thực', ['Chứng thực bản sao từ bản chính',
                                                      'Chứng thực chữ ký']),
    f('ten_giay_to', 'Tên giấy tờ, văn bản cần chứng thực', max_length=300),
    f('so_trang', 'Số trang của giấy tờ', 'integer', min=1, max=500),
    f('so_ban', 'Số bản cần chứng thực', 'integer', min=1, max=50),
    f('ghi_chu', 'Ghi chú', 'textarea', required=False, max_length=500)])

form('to-khai-chung-thuc-hop-dong', 'Phiếu yêu cầu chứng thực hợp đồng, giao dịch',
     me('', address_title='Địa chỉ liên hệ', address='current_address') + [
    ch('loai_yeu_cau', 'Việc yêu cầu chứng thực', ['Chứng thực hợp đồng, giao dịch',
                                                   'Chứng thực việc sửa đổi, bổ sung hợp đồng',
                                                   'Chứng thực việc hủy bỏ hợp đồng']),
    f('ten_hop_dong', 'Tên hợp đồng, giao dịch', max_length=300),
    f('tai_san', 'Tài sản là đối tượng của hợp đồng', 'textarea', max_length=1000),
    f('gia_tri', 'Giá trị hợp đồng (đồng)', 'money', required=False, min=0),
    f('ben_kia_ho_ten', 'Họ, chữ đệm, tên bên kia', max_length=100),
    f('ben_kia_so_dinh_danh', 'Số định danh cá nhân bên kia', 'id_number'),
    f('ben_kia_dia_chi', 'Địa chỉ bên kia', max_length=300),
    f('so_ban', 'Số bản hợp đồng cần chứng thực', 'integer', min=1, max=20)])

form('to-khai-ly-lich-tu-phap', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', [
    f('ho_ten', 'Họ, chữ đệm, tên', prefill='profile.full_name', max_length=100),
    f('ten_goi_khac', 'Tên gọi khác (nếu có)', required=False, max_length=100),
    ch('gioi_tinh', 'Giới tính', SEXES, prefill='profile.sex'),
    f('ngay_sinh', 'Ngày, tháng, năm sinh', 'date', prefill='profile.birth_date'),
    f('noi_sinh', 'Nơi sinh', max_length=200),
] + own_ethnicity() + [
    f('so_dinh_danh', 'Số định danh cá nhân', 'id_number', prefill='profile.id_number',
      editable=False, birth_date_field='ngay_sinh'),
    f('noi_thuong_tru', 'Nơi thường trú', 'address', prefill='profile.permanent_address'),
    f('noi_tam_tru', 'Nơi tạm trú (nếu có)', 'address', required=False,
      prefill='profile.current_address'),
    f('dien_thoai', 'Số điện thoại', 'phone', prefill='profile.phone'),
    f('email', 'Thư điện tử', 'email', required=False, prefill='profile.email'),
    f('cha_ho_ten', 'Họ, chữ đệm, tên cha', max_length=100),
    f('me_ho_ten', 'Họ, chữ đệm, tên mẹ', max_length=100),
    f('vo_chong_ho_ten', 'Họ, chữ đệm, tên vợ/chồng (nếu có)', required=False, max_length=100),
    f('qua_trinh_cu_tru', 'Quá trình cư trú, học tập, làm việc từ đủ 14 tuổi', 'textarea',
      max_length=3000),
    ch('loai_phieu', 'Loại phiếu yêu cầu cấp', ['Phiếu lý lịch tư pháp số 1',
                                                 'Phiếu lý lịch tư pháp số 2']),
    f('muc_dich', 'Mục đích sử dụng Phiếu', max_length=200),
    f('xac_nhan_cam_dam_nhiem', 'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, '
                                'quản lý doanh nghiệp, hợp tác xã', 'yesno', required=False),
    f('so_luong', 'Số lượng Phiếu yêu cầu cấp', 'integer', min=1, max=10), oath()])

form('van-ban-yeu-cau-ly-lich-tu-phap', 'Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (cơ quan, tổ chức)', [
    f('ten_co_quan', 'Tên cơ quan, tổ chức yêu cầu', max_length=200),
    f('dia_chi_co_quan', 'Địa chỉ cơ quan, tổ chức', max_length=300),
    f('lh_ho_ten', 'Người liên hệ (người nộp hồ sơ)', prefill='profile.full_name', max_length=100),
    f('lh_so_dinh_danh', 'Số định danh cá nhân của người liên hệ', 'id_number',
      prefill='profile.id_number', editable=False),
    f('lh_dien_thoai', 'Số điện thoại liên hệ', 'phone', prefill='profile.phone'),
    f('lh_email', 'Thư điện tử liên hệ', 'email', required=False, prefill='profile.email'),
    f('muc_dich', 'Mục đích yêu cầu cấp Phiếu', 'textarea', max_length=1000),
    f('nd_ho_ten', 'Họ, chữ đệm, tên người được cấp Phiếu', max_length=100),
    ch('nd_gioi_tinh', 'Giới tính người được cấp Phiếu', SEXES),
    f('nd_ngay_sinh', 'Ngày, tháng, năm sinh người được cấp Phiếu', 'date'),
    f('nd_quoc_tich', 'Quốc tịch người được cấp Phiếu', max_length=60),
    f('nd_so_dinh_danh', 'Số định danh cá nhân người được cấp Phiếu', 'id_number',
      birth_date_field='nd_ngay_sinh'),
    f('nd_noi_sinh', 'Nơi sinh người được cấp Phiếu', max_length=200),
    f('nd_noi_thuong_tru', 'Nơi thường trú người được cấp Phiếu', max_length=300),
    f('nd_cha_ho_ten', 'Họ, chữ đệm, tên cha', max_length=100),
    f('nd_me_ho_ten', 'Họ, chữ đệm, tên mẹ', max_length=100),
    f('so_luong', 'Số lượng Phiếu yêu cầu cấp', 'integer', min=1, max=10)])

form('giay-de-nghi-dang-ky-ho-kinh-doanh', 'Giấy đề nghị đăng ký hộ kinh doanh', [
    f('ho_ten', 'Họ, chữ đệm, tên chủ hộ kinh doanh', prefill='profile.full_name', max_length=100),
    f('ngay_sinh', 'Ngày, tháng, năm sinh', 'date', prefill='profile.birth_date'),
    ch('gioi_tinh', 'Giới tính', SEXES, prefill='profile.sex'),
] + own_ethnicity() + [
    f('so_dinh_danh', 'Số định danh cá nhân', 'id_number', prefill='profile.id_number',
      editable=False, birth_date_field='ngay_sinh'),
    f('noi_thuong_tru', 'Nơi thường trú', 'address', prefill='profile.permanent_address'),
    f('noi_o_hien_tai', 'Nơi ở hiện tại', 'address', prefill='profile.current_address'),
    f('dien_thoai', 'Số điện thoại', 'phone', prefill='profile.phone'),
    f('email', 'Thư điện tử', 'email', required=False, prefill='profile.email'),
    f('ma_so_thue', 'Mã số thuế cá nhân (nếu có)', required=False, prefill='profile.tax_code',
      pattern=r'\d{10}(-\d{3})?|\d{12}', pattern_hint='Mã số thuế gồm 10 hoặc 12 chữ số.'),
    f('ten_ho_kinh_doanh', 'Tên hộ kinh doanh', max_length=200),
    f('dia_diem_kinh_doanh', 'Địa điểm kinh doanh', 'address'),
    f('nganh_nghe', 'Ngành, nghề kinh doanh', 'textarea', max_length=1000),
    f('von_kinh_doanh', 'Vốn kinh doanh (đồng)', 'money', min=0),
    f('so_lao_dong', 'Số lượng lao động', 'integer', min=0, max=10000), oath()])

form('giay-de-nghi-thay-doi-ho-kinh-doanh', 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh',
     me('', address_title='Nơi thường trú của chủ hộ') + [
    f('ten_ho_kinh_doanh', 'Tên hộ kinh doanh', max_length=200),
    f('ma_so_ho_kinh_doanh', 'Mã số hộ kinh doanh', max_length=20),
    ch('noi_dung_thay_doi', 'Nội dung thay đổi', ['Tên hộ kinh doanh', 'Địa điểm kinh doanh',
                                                 'Ngành, nghề kinh doanh', 'Vốn kinh doanh',
                                                 'Chủ hộ kinh doanh', 'Nội dung khác']),
    f('noi_dung_cu', 'Nội dung đã đăng ký', 'textarea', max_length=1000),
    f('noi_dung_moi', 'Nội dung đăng ký thay đổi', 'textarea', max_length=1000), oath()])

form('giay-de-nghi-dang-ky-doanh-nghiep', 'Giấy đề nghị đăng ký doanh nghiệp', [
    f('ten_doanh_nghiep', 'Tên doanh nghiệp viết bằng tiếng Việt', max_length=200),
    f('ten_nuoc_ngoai', 'Tên doanh nghiệp viết bằng tiếng nước ngoài (nếu có)', required=False,
      max_length=200),
    ch('loai_hinh', 'Loại hình doanh nghiệp', ['Công ty trách nhiệm hữu hạn một thành viên',
                                              'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
                                              'Công ty cổ phần', 'Công ty hợp danh']),
    f('tru_so', 'Địa chỉ trụ sở chính', 'address'),
    f('dien_thoai_dn', 'Điện thoại của doanh nghiệp', 'phone'),
    f('nganh_nghe', 'Ngành, nghề kinh doanh (mã ngành cấp 4)', 'textarea', max_length=2000),
    f('von_dieu_le', 'Vốn điều lệ (đồng)', 'money', min=1),
    f('dd_ho_ten', 'Họ, chữ đệm, tên người đại diện theo pháp luật (người nộp hồ sơ)',
      prefill='profile.full_name', max_length=100),
    f('dd_ngay_sinh', 'Ngày sinh', 'date', prefill='profile.birth_date'),
    ch('dd_gioi_tinh', 'Giới tính', SEXES, prefill='profile.sex'),
    f('dd_so_dinh_danh', 'Số định danh cá nhân', 'id_number', prefill='profile.id_number',
      editable=False, birth_date_field='dd_ngay_sinh'),
    f('dd_dia_chi', 'Địa chỉ liên lạc', 'address', prefill='profile.current_address'),
    f('dd_chuc_danh', 'Chức danh', max_length=100, help='Ví dụ: Giám đốc'),
    f('dd_dien_thoai', 'Số điện thoại', 'phone', prefill='profile.phone'),
    f('dd_email', 'Thư điện tử', 'email', required=False, prefill='profile.email'), oath()])

form('don-dang-ky-bien-dong-dat-dai', 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất',
     me('', birth=True, address_title='Địa chỉ thường trú') + [certificate()] + parcel() + [
    ch('noi_dung_bien_dong', 'Nội dung biến động', ['Chuyển nhượng', 'Tặng cho', 'Thừa kế',
                                                    'Thế chấp', 'Thay đổi thông tin người sử dụng đất',
                                                    'Nội dung khác']),
    f('ly_do', 'Lý do biến động', 'textarea', max_length=1000),
    f('ben_nhan_ho_ten', 'Họ, chữ đệm, tên bên nhận (nếu có)', required=False, max_length=100),
    f('ben_nhan_so_dinh_danh', 'Số định danh cá nhân bên nhận', 'id_number', required=False),
    f('gia_chuyen_nhuong', 'Giá chuyển nhượng (đồng)', 'money', required=False, min=0), oath()])

form('don-de-nghi-cap-doi-gcn', 'Đơn đề nghị cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
     me('', address_title='Địa chỉ thường trú') + [
    certificate(), f('so_vao_so', 'Số vào sổ cấp Giấy chứng nhận', max_length=30),
    f('ngay_cap', 'Ngày cấp Giấy chứng nhận', 'date')] + parcel()[:3] + [
    ch('ly_do', 'Lý do đề nghị cấp đổi', ['Giấy chứng nhận bị ố, nhòe, rách, hư hỏng',
                                          'Đo đạc lại diện tích, kích thước thửa đất',
                                          'Đổi sang mẫu Giấy chứng nhận mới', 'Lý do khác']),
    f('ly_do_khac', 'Ghi rõ lý do khác', 'textarea', required=False, max_length=500), oath()])

form('don-dang-ky-dat-dai-lan-dau', 'Đơn đăng ký đất đai, tài sản gắn liền với đất',
     me('', birth=True, address_title='Địa chỉ thường trú') + parcel() + [
    ch('muc_dich_su_dung', 'Mục đích sử dụng đất', ['Đất ở tại nông thôn', 'Đất ở tại đô thị',
                                                    'Đất trồng cây lâu năm', 'Đất trồng lúa',
                                                    'Mục đích khác']),
    f('thoi_han', 'Thời hạn đề nghị được sử dụng đất', max_length=100),
    f('nguon_goc', 'Nguồn gốc sử dụng đất', 'textarea', max_length=1000),
    f('tai_san', 'Tài sản gắn liền với đất (nếu có)', 'textarea', required=False, max_length=1000),
    f('de_nghi_cap_gcn', 'Đề nghị cấp Giấy chứng nhận', 'yesno', required=False), oath()])

form('don-de-nghi-tach-hop-thua', 'Đơn đề nghị tách thửa đất, hợp thửa đất',
     me('', address_title='Địa chỉ thường trú') + [
    ch('loai_de_nghi', 'Đề nghị', ['Tách thửa đất', 'Hợp thửa đất']),
    certificate()] + parcel() + [
    f('so_thua_sau', 'Số thửa sau khi tách, hợp', 'integer', min=1, max=50),
    f('ly_do', 'Lý do tách, hợp thửa', 'textarea', max_length=1000), oath()])

form('don-de-nghi-cap-giay-phep-xay-dung', 'Đơn đề nghị cấp giấy phép xây dựng',
     me('cdt_', address='current_address', address_title='Địa chỉ liên hệ', who=' chủ đầu tư') + [
    ch('loai_giay_phep', 'Loại giấy phép', ['Xây dựng mới', 'Sửa chữa, cải tạo', 'Di dời công trình']),
    f('loai_cong_trinh', 'Loại công trình', max_length=200, help='Ví dụ: nhà ở riêng lẻ'),
    f('dia_diem', 'Địa điểm xây dựng', 'address'),
    f('so_thua', 'Lô đất, thửa đất số', max_length=20), f('to_ban_do', 'Tờ bản đồ số', max_length=20),
    certificate(),
    f('dien_tich_xay_dung', 'Diện tích xây dựng tầng 1 (m²)', pattern=r'\d+([.,]\d{1,2})?',
      pattern_hint='Nhập số mét vuông, ví dụ 85,5.'),
    f('tong_dien_tich_san', 'Tổng diện tích sàn (m²)', pattern=r'\d+([.,]\d{1,2})?',
      pattern_hint='Nhập số mét vuông, ví dụ 250.'),
    f('chieu_cao', 'Chiều cao công trình (m)', pattern=r'\d+([.,]\d{1,2})?',
      pattern_hint='Nhập số mét, ví dụ 12,6.'),
    f('so_tang', 'Số tầng', 'integer', min=1, max=50),
    f('don_vi_thiet_ke', 'Đơn vị hoặc người thiết kế (nếu có)', required=False, max_length=200),
    f('thoi_gian_hoan_thanh', 'Dự kiến thời gian hoàn thành (tháng)', 'integer', min=1, max=120),
    oath('Tôi cam kết xây dựng đúng theo giấy phép được cấp, nếu sai tôi xin chịu trách nhiệm '
         'và bị xử lý theo quy định của pháp luật.')])

form('don-de-nghi-gia-han-gpxd', 'Đơn đề nghị gia hạn giấy phép xây dựng',
     me('', address='current_address', address_title='Địa chỉ liên hệ') + [
    f('so_giay_phep', 'Số giấy phép xây dựng', max_length=30),
    f('ngay_cap', 'Ngày cấp', 'date'), f('co_quan_cap', 'Cơ quan cấp', max_length=200),
    f('dia_diem', 'Địa điểm xây dựng', 'address'),
    f('ly_do', 'Lý do đề nghị gia hạn', 'textarea', max_length=1000),
    f('thoi_gian_gia_han', 'Thời gian đề nghị gia hạn (tháng)', 'integer', min=1, max=12),
    oath()])

form('to-khai-tro-cap-xa-hoi', 'Tờ khai đề nghị trợ giúp xã hội',
     me('nde_', birth=True, email=False, who=' người đề nghị') + [
    ch('quan_he', 'Quan hệ với đối tượng', ['Bản thân', 'Cha, mẹ', 'Vợ, chồng', 'Con',
                                            'Người giám hộ', 'Quan hệ khác']),
    f('dt_ho_ten', 'Họ, chữ đệm, tên đối tượng', max_length=100),
    f('dt_ngay_sinh', 'Ngày, tháng, năm sinh đối tượng', 'date'),
    ch('dt_gioi_tinh', 'Giới tính đối tượng', SEXES),
    f('dt_so_dinh_danh', 'Số định danh cá nhân đối tượng (nếu có)', 'id_number', required=False),
    f('dt_noi_cu_tru', 'Nơi cư trú của đối tượng', 'address'),
    ch('dien_doi_tuong', 'Đối tượng thuộc diện', ['Trẻ em mồ côi cả cha và mẹ', 'Người cao tuổi',
                                                  'Người khuyết tật nặng, đặc biệt nặng',
                                                  'Người đơn thân nghèo đang nuôi con',
                                                  'Diện khác']),
    ch('noi_dung', 'Đề nghị', ['Thực hiện trợ cấp', 'Điều chỉnh mức trợ cấp', 'Thôi hưởng trợ cấp']),
] + payment() + [oath()])

form('de-nghi-huong-tro-cap-that-nghiep', 'Đề nghị hưởng trợ cấp thất nghiệp',
     me('', birth=True, sex=True, address='current_address', address_title='Nơi ở hiện tại') + [
    f('so_bhxh', 'Số sổ bảo hiểm xã hội', pattern=r'\d{10}', pattern_hint='Mã số bảo hiểm xã hội gồm 10 chữ số.'),
    f('don_vi_cu', 'Đơn vị đã làm việc trước khi thất nghiệp', max_length=200),
    f('ngay_cham_dut', 'Ngày chấm dứt hợp đồng lao động', 'date'),
    ch('loai_hop_dong', 'Loại hợp đồng đã giao kết', ['Không xác định thời hạn', 'Xác định thời hạn',
                                                      'Theo mùa vụ hoặc công việc nhất định']),
    f('so_thang_dong', 'Số tháng đã đóng bảo hiểm thất nghiệp', 'integer', min=12, max=600),
    f('noi_nhan', 'Nơi đề nghị nhận trợ cấp (tỉnh, thành phố)', max_length=100),
] + payment()[:2] + [oath()])

form('to-khai-giay-phep-lao-dong', 'Văn bản đề nghị cấp giấy phép lao động',
     me('nn_', address=None, who=' người nộp hồ sơ') + [
    f('ten_doanh_nghiep', 'Tên doanh nghiệp, tổ chức sử dụng lao động', max_length=200),
    f('ma_so_thue_dn', 'Mã số doanh nghiệp', pattern=r'\d{10}(-\d{3})?',
      pattern_hint='Mã số doanh nghiệp gồm 10 chữ số (chi nhánh: thêm -XXX).'),
    f('dia_chi_dn', 'Địa chỉ trụ sở', 'address'),
    f('nld_ho_ten', 'Họ và tên người lao động nước ngoài (chữ in hoa)', max_length=100),
    f('nld_ngay_sinh', 'Ngày sinh người lao động', 'date'),
    ch('nld_gioi_tinh', 'Giới tính người lao động', SEXES),
    f('nld_quoc_tich', 'Quốc tịch người lao động', max_length=60),
    f('nld_ho_chieu', 'Số hộ chiếu', max_length=20),
    ch('vi_tri', 'Vị trí công việc', ['Nhà quản lý', 'Giám đốc điều hành', 'Chuyên gia',
                                      'Lao động kỹ thuật']),
    f('chuc_danh', 'Chức danh công việc', max_length=100),
    f('dia_diem_lam_viec', 'Địa điểm làm việc', 'address'),
    f('tu_ngay', 'Thời hạn làm việc từ ngày', 'date'),
    f('den_ngay', 'Đến ngày', 'date'), oath()])

form('to-khai-mai-tang-phi-nguoi-co-cong', 'Tờ khai đề nghị hưởng trợ cấp mai táng',
     me('nde_', birth=True, email=False, who=' người đề nghị') + [
    ch('quan_he', 'Quan hệ với người có công đã từ trần', ['Vợ, chồng', 'Con', 'Cha, mẹ',
                                                          'Người tổ chức mai táng']),
    f('nc_ho_ten', 'Họ, chữ đệm, tên người có công đã từ trần', max_length=100),
    f('nc_ngay_sinh', 'Ngày sinh người có công', 'date'),
    f('nc_so_ho_so', 'Số hồ sơ người có công (nếu biết)', required=False, max_length=30),
    ch('dien_uu_dai', 'Diện người có công', ['Thương binh', 'Bệnh binh',
                                              'Người hoạt động kháng chiến', 'Diện khác']),
    f('ngay_tu_tran', 'Ngày từ trần', 'date'),
    f('giay_chung_tu', 'Giấy chứng tử hoặc trích lục khai tử (số, ngày cấp)', max_length=200),
] + payment() + [oath()])
