"""Household business and enterprise registration forms (Ministry of Planning and Investment)."""
from tthc_docs.demo.forms_data.fields import (
    SEXES, ch, f, me, oath, own_ethnicity, registrar)

FORMS = {}
form = registrar(FORMS)

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
