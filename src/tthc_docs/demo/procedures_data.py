"""Demo procedures (thủ tục hành chính) of Thái Nguyên province.

Plain data, read by the demo loader (`tthc_docs.demo.procedures`), by the
form templates' demo (issue 4: one template per `form` name) and by tests.
Every record carries every field of the procedure contract. The province
public-service centre `000.00.20.H55` handles them all in the demo.

Levels are those in force since 1 July 2025 (two-level local government,
Law on Organisation of Local Government 2025): what the district's People's
Committee settled before (civil status with a foreign element, contract
certification, household businesses, building permits for houses, first
land registration, benefits for people with meritorious service) is now
settled by the commune, and land changes by the province's land registry.
Codes, fees and times are modelled on the national TTHC database
(dichvucong.gov.vn) for Thái Nguyên; they are plausible, not authoritative.
"""

from tthc_docs.catalog.fees import default_online_fee
from tthc_docs.roles import LEADER, RECEPTION, SPECIALIST

CENTRE = "000.00.20.H55"
COUNTER_POST_ONLINE = ["counter", "post", "online"]
COUNTER_ONLINE = ["counter", "online"]


def req(id, name, doc_type, copies=1, required=True):
    """One requirement (thành phần hồ sơ)."""
    return {"id": id, "name": name, "doc_type": doc_type,
            "copies": copies, "required": required}


def flow(reception, specialist, leader, work):
    """The usual internal process (quy trình nội bộ) of a one-stop shop.

    Reception checks and receives, a specialist does `work`, a leader
    signs, reception returns the result (same day as signing).
    """
    return [
        {"id": "tiep-nhan", "name": "Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ",
         "role": RECEPTION, "days": reception},
        {"id": "xu-ly", "name": work, "role": SPECIALIST, "days": specialist},
        {"id": "phe-duyet", "name": "Lãnh đạo xem xét, ký duyệt kết quả",
         "role": LEADER, "days": leader},
        {"id": "tra-ket-qua", "name": "Trả kết quả cho tổ chức, cá nhân",
         "role": RECEPTION, "days": 0},
    ]


CITIZEN_STEPS = [
    "Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định.",
    "Bước 2: Nộp hồ sơ trực tiếp tại Bộ phận Một cửa, qua dịch vụ bưu chính hoặc trực tuyến trên Cổng Dịch vụ công.",
    "Bước 3: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ đầy đủ thì cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung một lần.",
    "Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính hoặc bản điện tử trong kho dữ liệu cá nhân.",
]

CCCD = req("cccd", "Căn cước công dân hoặc giấy tờ tùy thân có ảnh của người nộp hồ sơ", "cccd")
UY_QUYEN = req("uy-quyen", "Văn bản ủy quyền (trường hợp nộp thay)", "giay-uy-quyen", required=False)


def proc(code, name, field, level, days, fee, form, result, requirements, steps,
         legal_basis, target_group="Công dân Việt Nam", online_fee=None,
         methods=COUNTER_POST_ONLINE, online_level="toan-trinh", result_name=None):
    """One procedure record with every field of the contract."""
    assert sum(s["days"] for s in steps) <= days, code
    return {
        "code": code, "name": name, "field": field, "level": level,
        "agencies": [CENTRE], "processing_days": days,
        "fee": fee, "online_fee": default_online_fee(fee) if online_fee is None else online_fee,
        "requirements": requirements, "form": form, "steps": steps,
        "citizen_steps": CITIZEN_STEPS, "methods": list(methods),
        "online_level": online_level, "target_group": target_group,
        "result_doc_type": result, "result_name": result_name or "",
        "legal_basis": legal_basis,
    }


LUAT_HO_TICH = ["Luật Hộ tịch số 60/2014/QH13",
                "Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
                "Thông tư số 04/2020/TT-BTP hướng dẫn Luật Hộ tịch và Nghị định 123/2015/NĐ-CP"]
LUAT_CHUNG_THUC = ["Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
                   "Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí chứng thực"]
LUAT_LLTP = ["Luật Lý lịch tư pháp số 28/2009/QH12",
             "Thông tư số 244/2016/TT-BTC quy định mức thu phí cung cấp thông tin lý lịch tư pháp"]
LUAT_DKKD = ["Luật Doanh nghiệp số 59/2020/QH14",
             "Nghị định số 01/2021/NĐ-CP về đăng ký doanh nghiệp"]
LUAT_DAT_DAI = ["Luật Đất đai số 31/2024/QH15",
                "Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận"]
LUAT_XAY_DUNG = ["Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14",
                 "Nghị định số 15/2021/NĐ-CP quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng"]
LUAT_LDTBXH = ["Bộ luật Lao động số 45/2019/QH14",
               "Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội"]

HO_TICH = "Hộ tịch"
CHUNG_THUC = "Chứng thực"
LLTP = "Lý lịch tư pháp"
DKKD = "Đăng ký kinh doanh"
DAT_DAI = "Đất đai"
XAY_DUNG = "Xây dựng"
LDTBXH = "Lao động – Thương binh và Xã hội"

PROCEDURES = [
    # --- Hộ tịch -------------------------------------------------------
    proc("1.001193", "Đăng ký khai sinh", HO_TICH, "commune", 3, 0,
         "to-khai-khai-sinh", "giay-khai-sinh",
         [req("to-khai", "Tờ khai đăng ký khai sinh theo mẫu", "don-de-nghi"),
          req("giay-chung-sinh", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "giay-chung-sinh"),
          CCCD,
          req("ket-hon-cha-me", "Giấy chứng nhận kết hôn của cha, mẹ (nếu có)", "giay-chung-nhan-ket-hon", required=False),
          UY_QUYEN],
         flow(1, 1, 1, "Công chức tư pháp – hộ tịch kiểm tra, ghi sổ hộ tịch, trình ký"),
         LUAT_HO_TICH, target_group="Cha, mẹ hoặc người thân thích của trẻ em",
         result_name="Giấy khai sinh (bản chính) và trích lục khai sinh (nếu có yêu cầu)"),
    proc("1.000894", "Đăng ký kết hôn", HO_TICH, "commune", 5, 0,
         "to-khai-dang-ky-ket-hon", "giay-chung-nhan-ket-hon",
         [req("to-khai", "Tờ khai đăng ký kết hôn theo mẫu (hai bên nam, nữ cùng ký)", "don-de-nghi"),
          req("cccd-hai-ben", "Căn cước công dân của hai bên nam, nữ", "cccd", copies=2),
          req("xac-nhan-hon-nhan", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký khác nơi cư trú)", "xac-nhan-tinh-trang-hon-nhan", required=False)],
         flow(1, 3, 1, "Công chức tư pháp – hộ tịch xác minh điều kiện kết hôn, ghi sổ, trình ký"),
         LUAT_HO_TICH + ["Luật Hôn nhân và gia đình số 52/2014/QH13"],
         target_group="Nam, nữ công dân Việt Nam đủ điều kiện kết hôn", online_level="mot-phan"),
    proc("1.000656", "Đăng ký khai tử", HO_TICH, "commune", 3, 0,
         "to-khai-khai-tu", "trich-luc-khai-tu",
         [req("to-khai", "Tờ khai đăng ký khai tử theo mẫu", "don-de-nghi"),
          req("giay-chung-tu", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "giay-chung-tu"),
          CCCD, UY_QUYEN],
         flow(1, 1, 1, "Công chức tư pháp – hộ tịch kiểm tra, ghi sổ đăng ký khai tử"),
         LUAT_HO_TICH, target_group="Người thân thích của người chết"),
    proc("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", HO_TICH, "commune", 3, 15000,
         "to-khai-xac-nhan-tinh-trang-hon-nhan", "xac-nhan-tinh-trang-hon-nhan",
         [req("to-khai", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "don-de-nghi"),
          CCCD,
          req("ly-hon", "Bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)", "quyet-dinh", required=False)],
         flow(1, 1, 1, "Công chức tư pháp – hộ tịch kiểm tra, xác minh tình trạng hôn nhân"),
         LUAT_HO_TICH),
    proc("2.000635", "Cấp bản sao Trích lục hộ tịch", HO_TICH, "commune", 2, 8000,
         "to-khai-cap-ban-sao-trich-luc", "trich-luc-khai-sinh",
         [req("to-khai", "Tờ khai cấp bản sao trích lục hộ tịch", "don-de-nghi"), CCCD, UY_QUYEN],
         flow(0, 1, 1, "Công chức tư pháp – hộ tịch tra cứu Sổ hộ tịch, in bản sao trích lục"),
         LUAT_HO_TICH),
    proc("1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", HO_TICH, "commune", 3, 15000,
         "to-khai-thay-doi-cai-chinh-ho-tich", "other",
         [req("to-khai", "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "don-de-nghi"),
          req("giay-khai-sinh", "Giấy khai sinh hoặc giấy tờ hộ tịch cần cải chính", "giay-khai-sinh"),
          CCCD,
          req("giay-to-lien-quan", "Giấy tờ làm căn cứ cho việc thay đổi, cải chính", "other")],
         flow(1, 1, 1, "Công chức tư pháp – hộ tịch kiểm tra căn cứ, ghi sổ, trình ký"),
         LUAT_HO_TICH, result_name="Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch"),
    proc("1.001695", "Đăng ký khai sinh có yếu tố nước ngoài", HO_TICH, "commune", 10, 75000,
         "to-khai-khai-sinh", "giay-khai-sinh",
         [req("to-khai", "Tờ khai đăng ký khai sinh theo mẫu", "don-de-nghi"),
          req("giay-chung-sinh", "Giấy chứng sinh", "giay-chung-sinh"),
          req("ho-chieu", "Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của cha, mẹ là người nước ngoài", "ho-chieu"),
          req("thoa-thuan-quoc-tich", "Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con", "other")],
         flow(1, 7, 2, "Công chức Phòng Tư pháp kiểm tra, xác minh, dự thảo kết quả"),
         LUAT_HO_TICH, target_group="Cha, mẹ là công dân Việt Nam và người nước ngoài",
         online_level="mot-phan"),
    proc("1.000893", "Đăng ký kết hôn có yếu tố nước ngoài", HO_TICH, "commune", 15, 1000000,
         "to-khai-dang-ky-ket-hon", "giay-chung-nhan-ket-hon",
         [req("to-khai", "Tờ khai đăng ký kết hôn theo mẫu", "don-de-nghi"),
          req("ho-chieu", "Hộ chiếu của bên nam hoặc nữ là người nước ngoài", "ho-chieu"),
          req("xac-nhan-hon-nhan", "Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài", "xac-nhan-tinh-trang-hon-nhan"),
          req("kham-suc-khoe", "Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần", "giay-kham-suc-khoe", copies=2)],
         flow(1, 11, 3, "Phòng Tư pháp nghiên cứu, thẩm tra hồ sơ, xác minh"),
         LUAT_HO_TICH, target_group="Công dân Việt Nam kết hôn với người nước ngoài",
         methods=COUNTER_ONLINE, online_level="mot-phan"),
    # --- Chứng thực ------------------------------------------------------
    proc("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", CHUNG_THUC, "commune", 1, 2000,
         "to-khai-yeu-cau-chung-thuc", "ban-sao-chung-thuc",
         [req("ban-chinh", "Bản chính giấy tờ, văn bản cần chứng thực bản sao", "other"),
          req("ban-sao", "Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)", "other", required=False)],
         flow(0, 1, 0, "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng"),
         LUAT_CHUNG_THUC, target_group="Cá nhân, tổ chức", result_name="Bản sao có chứng thực (2.000 đồng/trang)",
         methods=["counter"], online_level="mot-phan", online_fee=2000),
    proc("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", CHUNG_THUC, "commune", 1, 10000,
         "to-khai-yeu-cau-chung-thuc", "ban-sao-chung-thuc",
         [CCCD, req("van-ban", "Giấy tờ, văn bản mà mình sẽ ký", "other")],
         flow(0, 1, 0, "Người thực hiện chứng thực kiểm tra, chứng kiến việc ký, ghi lời chứng"),
         LUAT_CHUNG_THUC, target_group="Cá nhân", methods=["counter"], online_level="mot-phan",
         online_fee=10000),
    proc("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", CHUNG_THUC,
         "commune", 3, 50000, "to-khai-chung-thuc-hop-dong", "hop-dong",
         [req("du-thao-hop-dong", "Dự thảo hợp đồng, giao dịch", "hop-dong"),
          req("cccd-cac-ben", "Căn cước công dân của các bên tham gia hợp đồng", "cccd", copies=2),
          req("giay-to-tai-san", "Giấy chứng nhận quyền sở hữu tài sản (đăng ký xe, ...)", "other")],
         flow(1, 1, 1, "Chuyên viên Phòng Tư pháp kiểm tra hợp đồng, năng lực hành vi dân sự các bên"),
         LUAT_CHUNG_THUC, target_group="Cá nhân, tổ chức", methods=["counter"], online_level="mot-phan"),
    proc("2.000913", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", CHUNG_THUC,
         "commune", 3, 30000, "to-khai-chung-thuc-hop-dong", "hop-dong",
         [req("hop-dong-da-chung-thuc", "Hợp đồng, giao dịch đã được chứng thực", "hop-dong"),
          req("du-thao-sua-doi", "Dự thảo hợp đồng sửa đổi, bổ sung, hủy bỏ", "hop-dong"),
          req("cccd-cac-ben", "Căn cước công dân của các bên", "cccd", copies=2)],
         flow(1, 1, 1, "Chuyên viên Phòng Tư pháp kiểm tra nội dung sửa đổi, bổ sung"),
         LUAT_CHUNG_THUC, target_group="Cá nhân, tổ chức", methods=["counter"], online_level="mot-phan"),
    # --- Lý lịch tư pháp -----------------------------------------------
    proc("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
         LLTP, "province", 10, 200000, "to-khai-ly-lich-tu-phap", "phieu-ly-lich-tu-phap",
         [req("to-khai", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu", "don-de-nghi"),
          CCCD,
          req("cu-tru", "Giấy tờ chứng minh nơi cư trú (nếu thông tin chưa có trong CSDL dân cư)", "xac-nhan-cu-tru", required=False),
          UY_QUYEN],
         flow(1, 7, 2, "Chuyên viên Sở Tư pháp tra cứu, xác minh thông tin lý lịch tư pháp, lập Phiếu"),
         LUAT_LLTP, target_group="Công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam"),
    proc("2.000505", "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị – xã hội",
         LLTP, "province", 10, 0, "van-ban-yeu-cau-ly-lich-tu-phap", "phieu-ly-lich-tu-phap",
         [req("van-ban-yeu-cau", "Văn bản yêu cầu cấp Phiếu lý lịch tư pháp ghi rõ mục đích", "don-de-nghi")],
         flow(1, 7, 2, "Chuyên viên Sở Tư pháp tra cứu, xác minh, lập Phiếu lý lịch tư pháp"),
         LUAT_LLTP, target_group="Cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị – xã hội",
         methods=COUNTER_ONLINE),
    # --- Đăng ký kinh doanh ------------------------------------------
    proc("2.001610", "Đăng ký thành lập hộ kinh doanh", DKKD, "commune", 3, 100000,
         "giay-de-nghi-dang-ky-ho-kinh-doanh", "giay-chung-nhan-dkkd",
         [req("giay-de-nghi", "Giấy đề nghị đăng ký hộ kinh doanh", "don-de-nghi"),
          CCCD,
          req("bien-ban-hop", "Biên bản họp thành viên hộ gia đình (nếu các thành viên cùng thành lập)", "other", required=False),
          UY_QUYEN],
         flow(1, 1, 1, "Chuyên viên Phòng Tài chính – Kế hoạch kiểm tra tính hợp lệ, nhập dữ liệu"),
         LUAT_DKKD, target_group="Cá nhân, thành viên hộ gia đình"),
    proc("2.000575", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", DKKD, "commune", 3, 50000,
         "giay-de-nghi-thay-doi-ho-kinh-doanh", "giay-chung-nhan-dkkd",
         [req("thong-bao", "Thông báo thay đổi nội dung đăng ký hộ kinh doanh", "don-de-nghi"),
          req("giay-chung-nhan", "Giấy chứng nhận đăng ký hộ kinh doanh đã cấp", "giay-chung-nhan-dkkd"),
          CCCD],
         flow(1, 1, 1, "Chuyên viên Phòng Tài chính – Kế hoạch kiểm tra, cập nhật nội dung thay đổi"),
         LUAT_DKKD, target_group="Hộ kinh doanh"),
    proc("1.001612", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", DKKD, "province", 3, 50000,
         "giay-de-nghi-dang-ky-doanh-nghiep", "giay-chung-nhan-dkdn",
         [req("giay-de-nghi", "Giấy đề nghị đăng ký doanh nghiệp", "don-de-nghi"),
          req("dieu-le", "Điều lệ công ty", "dieu-le"),
          req("cccd-chu-so-huu", "Bản sao giấy tờ pháp lý của chủ sở hữu công ty", "cccd"),
          UY_QUYEN],
         flow(1, 1, 1, "Chuyên viên Phòng Đăng ký kinh doanh thẩm định hồ sơ"),
         LUAT_DKKD, target_group="Tổ chức, cá nhân", online_fee=0,
         result_name="Giấy chứng nhận đăng ký doanh nghiệp (miễn lệ phí khi nộp trực tuyến)"),
    proc("2.002042", "Đăng ký thành lập công ty cổ phần", DKKD, "province", 3, 50000,
         "giay-de-nghi-dang-ky-doanh-nghiep", "giay-chung-nhan-dkdn",
         [req("giay-de-nghi", "Giấy đề nghị đăng ký doanh nghiệp", "don-de-nghi"),
          req("dieu-le", "Điều lệ công ty", "dieu-le"),
          req("danh-sach-co-dong", "Danh sách cổ đông sáng lập", "other"),
          req("cccd-co-dong", "Bản sao giấy tờ pháp lý của cổ đông sáng lập", "cccd", copies=3),
          UY_QUYEN],
         flow(1, 1, 1, "Chuyên viên Phòng Đăng ký kinh doanh thẩm định hồ sơ"),
         LUAT_DKKD, target_group="Tổ chức, cá nhân", online_fee=0),
    # --- Đất đai -----------------------------------------------------------
    proc("1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho",
         DAT_DAI, "province", 10, 100000, "don-dang-ky-bien-dong-dat-dai", "giay-chung-nhan-qsdd",
         [req("don-dang-ky", "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "don-de-nghi"),
          req("hop-dong", "Hợp đồng chuyển nhượng, tặng cho đã được công chứng, chứng thực", "hop-dong"),
          req("giay-chung-nhan", "Bản gốc Giấy chứng nhận quyền sử dụng đất đã cấp", "giay-chung-nhan-qsdd"),
          CCCD],
         flow(1, 7, 2, "Chi nhánh Văn phòng đăng ký đất đai thẩm tra, chỉnh lý hồ sơ địa chính"),
         LUAT_DAT_DAI, target_group="Hộ gia đình, cá nhân", online_level="mot-phan"),
    proc("1.003010", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
         DAT_DAI, "province", 7, 50000, "don-de-nghi-cap-doi-gcn", "giay-chung-nhan-qsdd",
         [req("don-de-nghi", "Đơn đề nghị cấp đổi Giấy chứng nhận", "don-de-nghi"),
          req("giay-chung-nhan", "Bản gốc Giấy chứng nhận đã cấp", "giay-chung-nhan-qsdd")],
         flow(1, 4, 2, "Chi nhánh Văn phòng đăng ký đất đai kiểm tra, in Giấy chứng nhận"),
         LUAT_DAT_DAI, target_group="Hộ gia đình, cá nhân", online_level="mot-phan"),
    proc("1.004203", "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
         DAT_DAI, "commune", 20, 100000, "don-dang-ky-dat-dai-lan-dau", "giay-chung-nhan-qsdd",
         [req("don-dang-ky", "Đơn đăng ký đất đai, tài sản gắn liền với đất", "don-de-nghi"),
          req("giay-to-nguon-goc", "Giấy tờ về quyền sử dụng đất (nếu có)", "other", required=False),
          req("ban-ve", "Mảnh trích đo bản đồ địa chính thửa đất", "ban-ve-thiet-ke"),
          CCCD],
         flow(2, 14, 4, "Phòng Nông nghiệp và Môi trường kiểm tra hiện trạng, niêm yết công khai, trình cấp"),
         LUAT_DAT_DAI, target_group="Hộ gia đình, cá nhân", methods=COUNTER_ONLINE, online_level="mot-phan"),
    proc("2.000889", "Tách thửa hoặc hợp thửa đất", DAT_DAI, "province", 15, 0,
         "don-de-nghi-tach-hop-thua", "giay-chung-nhan-qsdd",
         [req("don-de-nghi", "Đơn đề nghị tách thửa, hợp thửa đất", "don-de-nghi"),
          req("giay-chung-nhan", "Bản gốc Giấy chứng nhận quyền sử dụng đất", "giay-chung-nhan-qsdd"),
          req("ban-ve", "Bản vẽ tách thửa, hợp thửa đất", "ban-ve-thiet-ke")],
         flow(1, 11, 3, "Chi nhánh Văn phòng đăng ký đất đai đo đạc, lập hồ sơ thửa đất mới"),
         LUAT_DAT_DAI, target_group="Người sử dụng đất", methods=COUNTER_ONLINE, online_level="mot-phan",
         result_name="Giấy chứng nhận cho các thửa đất mới (lệ phí cấp Giấy chứng nhận thu riêng)"),
    # --- Xây dựng ----------------------------------------------------------
    proc("1.009974", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", XAY_DUNG, "commune", 15, 75000,
         "don-de-nghi-cap-giay-phep-xay-dung", "giay-phep-xay-dung",
         [req("don-de-nghi", "Đơn đề nghị cấp giấy phép xây dựng theo mẫu", "don-de-nghi"),
          req("giay-chung-nhan", "Giấy tờ chứng minh quyền sử dụng đất", "giay-chung-nhan-qsdd"),
          req("ban-ve", "Hai bộ bản vẽ thiết kế xây dựng", "ban-ve-thiet-ke", copies=2),
          CCCD],
         flow(1, 11, 3, "Chuyên viên Phòng Kinh tế – Hạ tầng và Đô thị kiểm tra thực địa, thẩm định hồ sơ"),
         LUAT_XAY_DUNG, target_group="Hộ gia đình, cá nhân"),
    proc("1.009976", "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", XAY_DUNG, "commune", 15, 75000,
         "don-de-nghi-cap-giay-phep-xay-dung", "giay-phep-xay-dung",
         [req("don-de-nghi", "Đơn đề nghị cấp giấy phép sửa chữa, cải tạo", "don-de-nghi"),
          req("giay-chung-nhan", "Giấy tờ chứng minh quyền sở hữu nhà ở", "giay-chung-nhan-qsdd"),
          req("ban-ve", "Bản vẽ hiện trạng và bản vẽ thiết kế sửa chữa, cải tạo", "ban-ve-thiet-ke", copies=2)],
         flow(1, 11, 3, "Chuyên viên Phòng Kinh tế – Hạ tầng và Đô thị thẩm định hồ sơ"),
         LUAT_XAY_DUNG, target_group="Hộ gia đình, cá nhân"),
    proc("1.009980", "Gia hạn giấy phép xây dựng", XAY_DUNG, "commune", 5, 15000,
         "don-de-nghi-gia-han-gpxd", "giay-phep-xay-dung",
         [req("don-de-nghi", "Đơn đề nghị gia hạn giấy phép xây dựng", "don-de-nghi"),
          req("giay-phep", "Bản chính giấy phép xây dựng đã được cấp", "giay-phep-xay-dung")],
         flow(1, 3, 1, "Chuyên viên Phòng Kinh tế – Hạ tầng và Đô thị kiểm tra, ghi gia hạn"),
         LUAT_XAY_DUNG, target_group="Chủ đầu tư"),
    proc("1.009972", "Cấp giấy phép xây dựng mới đối với công trình không theo tuyến", XAY_DUNG, "province", 20, 150000,
         "don-de-nghi-cap-giay-phep-xay-dung", "giay-phep-xay-dung",
         [req("don-de-nghi", "Đơn đề nghị cấp giấy phép xây dựng theo mẫu", "don-de-nghi"),
          req("giay-chung-nhan", "Giấy tờ chứng minh quyền sử dụng đất", "giay-chung-nhan-qsdd"),
          req("quyet-dinh-du-an", "Quyết định phê duyệt dự án, văn bản thẩm định thiết kế", "quyet-dinh"),
          req("ban-ve", "Hai bộ bản vẽ thiết kế xây dựng", "ban-ve-thiet-ke", copies=2)],
         flow(2, 14, 4, "Chuyên viên Sở Xây dựng thẩm định hồ sơ, kiểm tra thực địa"),
         LUAT_XAY_DUNG, target_group="Chủ đầu tư là tổ chức", methods=COUNTER_ONLINE),
    # --- Lao động – Thương binh và Xã hội ---------------------------------
    proc("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", LDTBXH, "commune", 12, 0,
         "to-khai-tro-cap-xa-hoi", "quyet-dinh",
         [req("to-khai", "Tờ khai đề nghị trợ giúp xã hội theo mẫu", "don-de-nghi"),
          CCCD,
          req("giay-khai-sinh", "Giấy khai sinh (đối với trẻ em)", "giay-khai-sinh", required=False),
          req("xac-nhan-khuyet-tat", "Giấy xác nhận khuyết tật (nếu có)", "other", required=False)],
         flow(1, 8, 3, "Công chức văn hóa – xã hội xét duyệt, niêm yết, trình quyết định"),
         LUAT_LDTBXH, target_group="Đối tượng bảo trợ xã hội", online_level="mot-phan"),
    proc("1.010803", "Giải quyết hưởng trợ cấp thất nghiệp", LDTBXH, "province", 20, 0,
         "de-nghi-huong-tro-cap-that-nghiep", "quyet-dinh",
         [req("de-nghi", "Đề nghị hưởng trợ cấp thất nghiệp theo mẫu", "don-de-nghi"),
          req("quyet-dinh-nghi-viec", "Quyết định thôi việc hoặc hợp đồng lao động đã hết hạn", "hop-dong"),
          req("so-bhxh", "Sổ bảo hiểm xã hội", "other")],
         flow(1, 15, 4, "Trung tâm Dịch vụ việc làm xem xét, tính mức hưởng, trình quyết định"),
         LUAT_LDTBXH + ["Luật Việc làm số 38/2013/QH13"], target_group="Người lao động"),
    proc("2.000205", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", LDTBXH,
         "province", 5, 600000, "to-khai-giay-phep-lao-dong", "giay-phep-lao-dong",
         [req("van-ban-de-nghi", "Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", "don-de-nghi"),
          req("kham-suc-khoe", "Giấy chứng nhận sức khỏe", "giay-kham-suc-khoe"),
          req("ly-lich-tu-phap", "Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải người phạm tội", "phieu-ly-lich-tu-phap"),
          req("bang-cap", "Văn bằng, chứng chỉ chứng minh trình độ chuyên môn", "bang-cap"),
          req("anh", "Hai ảnh màu 4 cm x 6 cm", "anh-the", copies=2),
          req("ho-chieu", "Bản sao hộ chiếu còn giá trị", "ho-chieu")],
         flow(1, 3, 1, "Chuyên viên Sở Nội vụ thẩm định hồ sơ, dự thảo giấy phép"),
         ["Bộ luật Lao động số 45/2019/QH14",
          "Nghị định số 152/2020/NĐ-CP quy định về người lao động nước ngoài làm việc tại Việt Nam"],
         target_group="Người sử dụng lao động", methods=COUNTER_ONLINE),
    proc("1.002519", "Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần",
         LDTBXH, "commune", 12, 0, "to-khai-mai-tang-phi-nguoi-co-cong", "quyet-dinh",
         [req("to-khai", "Tờ khai đề nghị hưởng trợ cấp khi người có công từ trần", "don-de-nghi"),
          req("trich-luc-khai-tu", "Trích lục khai tử của người có công", "trich-luc-khai-tu"),
          req("other", "Giấy tờ chứng minh là người có công với cách mạng", "other"),
          CCCD],
         flow(1, 8, 3, "Chuyên viên Phòng Nội vụ kiểm tra hồ sơ người có công, trình quyết định"),
         ["Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
          "Nghị định số 131/2021/NĐ-CP hướng dẫn Pháp lệnh Ưu đãi người có công"],
         target_group="Thân nhân người có công với cách mạng", online_level="mot-phan"),
]
