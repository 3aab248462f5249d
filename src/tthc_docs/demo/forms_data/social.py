"""Social assistance, unemployment, work permit and veterans' forms (Ministry of Labour)."""
from tthc_docs.demo.forms_data.fields import (
    SEXES, ch, f, me, oath, payment, registrar)

FORMS = {}
form = registrar(FORMS)

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
