"""Civil status, certification and judicial record forms (Ministry of Justice)."""
from tthc_docs.demo.forms_data.fields import (
    SEXES, ch, copies, f, me, oath, own_ethnicity, person, registrar)

FORMS = {}
form = registrar(FORMS)

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
