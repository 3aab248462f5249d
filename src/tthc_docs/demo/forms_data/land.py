"""Land and construction forms (Ministries of Natural Resources and Environment, of Construction)."""
from tthc_docs.demo.forms_data.fields import (
    certificate, ch, f, me, oath, parcel, registrar)

FORMS = {}
form = registrar(FORMS)

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
