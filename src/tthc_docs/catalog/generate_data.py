"""The vocabulary of a provincial catalog, for `generate-catalog` (plain data).

Fields (lĩnh vực) are those the national database files Thái Nguyên's
procedures under, grouped by the department (sở) that settles them since the
2025 reorganisation of departments, and the fields a commune's People's
Committee settles since 1 July 2025 (two-level local government). The
objects under each field are what its procedures are about; names are
built as action + object, as real catalogs are.
"""

ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Đăng ký",
           "Đăng ký thay đổi", "Xác nhận", "Công nhận", "Thẩm định", "Phê duyệt", "Chấm dứt"]

#: department key -> (department name, {field: [objects]})
PROVINCE_FIELDS = {
    "tu-phap": ("Sở Tư pháp", {
        "Lý lịch tư pháp": ["Phiếu lý lịch tư pháp số 1", "Phiếu lý lịch tư pháp số 2"],
        "Công chứng": ["thẻ công chứng viên", "văn phòng công chứng", "hoạt động văn phòng công chứng"],
        "Luật sư": ["hoạt động tổ chức hành nghề luật sư", "chi nhánh của tổ chức hành nghề luật sư"],
        "Trợ giúp pháp lý": ["trợ giúp pháp lý", "tổ chức tham gia trợ giúp pháp lý"],
        "Quốc tịch": ["nhập quốc tịch Việt Nam", "thôi quốc tịch Việt Nam", "có quốc tịch Việt Nam"],
        "Đấu giá tài sản": ["hoạt động doanh nghiệp đấu giá tài sản", "thẻ đấu giá viên"],
        "Giám định tư pháp": ["giám định viên tư pháp", "văn phòng giám định tư pháp"],
    }),
    "tai-chinh": ("Sở Tài chính", {
        "Thành lập và hoạt động doanh nghiệp": ["công ty trách nhiệm hữu hạn", "công ty cổ phần",
                                               "doanh nghiệp tư nhân", "chi nhánh, văn phòng đại diện"],
        "Đầu tư tại Việt Nam": ["chủ trương đầu tư", "giấy chứng nhận đăng ký đầu tư", "dự án đầu tư"],
        "Thành lập và hoạt động của hợp tác xã": ["hợp tác xã", "liên hiệp hợp tác xã"],
        "Quản lý công sản": ["phương án sắp xếp nhà, đất", "tài sản công"],
    }),
    "noi-vu": ("Sở Nội vụ", {
        "Việc làm": ["giấy phép lao động cho người nước ngoài", "trợ cấp thất nghiệp", "giấy phép dịch vụ việc làm"],
        "Người có công": ["chế độ ưu đãi người có công", "trợ cấp một lần", "hồ sơ người có công"],
        "Thi đua - khen thưởng": ["danh hiệu thi đua", "bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"],
        "Tổ chức phi chính phủ": ["điều lệ hội", "thành lập hội", "quỹ xã hội, quỹ từ thiện"],
    }),
    "nong-nghiep-moi-truong": ("Sở Nông nghiệp và Môi trường", {
        "Đất đai": ["giấy chứng nhận quyền sử dụng đất", "biến động đất đai", "tách thửa, hợp thửa đất",
                    "giao đất, cho thuê đất", "chuyển mục đích sử dụng đất"],
        "Môi trường": ["giấy phép môi trường", "báo cáo đánh giá tác động môi trường"],
        "Tài nguyên nước": ["giấy phép khai thác nước mặt", "giấy phép khai thác nước dưới đất"],
        "Khoáng sản": ["giấy phép khai thác khoáng sản", "giấy phép thăm dò khoáng sản"],
        "Thú y": ["giấy chứng nhận kiểm dịch động vật", "cơ sở an toàn dịch bệnh động vật"],
        "Lâm nghiệp": ["phương án quản lý rừng bền vững", "chuyển loại rừng"],
        "Trồng trọt": ["mã số vùng trồng", "giống cây trồng"],
    }),
    "xay-dung": ("Sở Xây dựng", {
        "Hoạt động xây dựng": ["giấy phép xây dựng công trình", "chứng chỉ hành nghề hoạt động xây dựng",
                               "thiết kế xây dựng triển khai sau thiết kế cơ sở"],
        "Nhà ở": ["nhà ở xã hội", "giấy chứng nhận quyền sở hữu nhà ở"],
        "Đường bộ": ["giấy phép lái xe", "giấy phép kinh doanh vận tải bằng xe ô tô", "phù hiệu xe"],
        "Quy hoạch - kiến trúc": ["chứng chỉ quy hoạch", "giấy phép quy hoạch"],
    }),
    "y-te": ("Sở Y tế", {
        "Khám bệnh, chữa bệnh": ["giấy phép hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động phòng khám"],
        "Dược phẩm": ["chứng chỉ hành nghề dược", "giấy chứng nhận đủ điều kiện kinh doanh dược"],
        "An toàn thực phẩm": ["giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"],
        "Bảo trợ xã hội": ["cơ sở trợ giúp xã hội", "giấy phép hoạt động chăm sóc người cao tuổi"],
    }),
    "giao-duc": ("Sở Giáo dục và Đào tạo", {
        "Giáo dục và Đào tạo": ["hoạt động giáo dục", "thành lập trường trung học phổ thông",
                                "văn bằng, chứng chỉ", "chuyển trường cho học sinh trung học phổ thông"],
        "Giáo dục nghề nghiệp": ["hoạt động giáo dục nghề nghiệp", "trung tâm giáo dục nghề nghiệp"],
    }),
    "cong-thuong": ("Sở Công Thương", {
        "Lưu thông hàng hóa trong nước": ["giấy phép bán lẻ rượu", "giấy phép bán buôn sản phẩm thuốc lá"],
        "Điện": ["giấy phép hoạt động điện lực"],
        "Hóa chất": ["giấy chứng nhận đủ điều kiện sản xuất, kinh doanh hóa chất"],
        "Kinh doanh khí": ["giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai"],
    }),
    "van-hoa": ("Sở Văn hóa, Thể thao và Du lịch", {
        "Văn hóa": ["giấy phép tổ chức lễ hội", "giấy phép kinh doanh dịch vụ karaoke"],
        "Du lịch": ["thẻ hướng dẫn viên du lịch", "hạng cơ sở lưu trú du lịch"],
        "Thể dục thể thao": ["đủ điều kiện kinh doanh hoạt động thể thao"],
    }),
    "khoa-hoc": ("Sở Khoa học và Công nghệ", {
        "Hoạt động khoa học và công nghệ": ["tổ chức khoa học và công nghệ", "chuyển giao công nghệ"],
        "Bưu chính": ["giấy phép bưu chính"],
        "Xuất bản, in và phát hành": ["giấy phép hoạt động in", "giấy phép xuất bản tài liệu không kinh doanh"],
    }),
}

COMMUNE_FIELDS = {
    "Hộ tịch": ["khai sinh", "kết hôn", "khai tử", "giám hộ", "nhận cha, mẹ, con",
                "thay đổi, cải chính hộ tịch", "khai sinh có yếu tố nước ngoài"],
    "Chứng thực": ["bản sao từ bản chính", "chữ ký", "hợp đồng, giao dịch", "di chúc"],
    "Thành lập và hoạt động của hộ kinh doanh": ["hộ kinh doanh", "thay đổi nội dung đăng ký hộ kinh doanh"],
    "Đất đai": ["đất đai lần đầu", "giấy chứng nhận quyền sử dụng đất lần đầu"],
    "Hoạt động xây dựng": ["giấy phép xây dựng nhà ở riêng lẻ", "giấy phép sửa chữa, cải tạo nhà ở"],
    "Bảo trợ xã hội": ["trợ cấp xã hội hằng tháng", "hỗ trợ chi phí mai táng"],
    "Người có công": ["mai táng phí người có công", "trợ cấp người có công"],
    "Tiếp công dân": ["đơn khiếu nại", "đơn tố cáo"],
}

#: (weight, choices) of processing days (ngày làm việc) per level.
DAYS = {"province": [3, 5, 7, 10, 10, 15, 15, 20, 30, 45], "commune": [1, 2, 3, 3, 5, 5, 7, 10, 15]}
FEES = [0, 0, 0, 0, 0, 10000, 20000, 30000, 50000, 100000, 200000, 500000, 1000000]
REQUIREMENTS = [
    ("don-de-nghi", "Đơn đề nghị (tờ khai) theo mẫu"),
    ("cccd", "Căn cước công dân hoặc giấy tờ tùy thân có ảnh"),
    ("giay-uy-quyen", "Văn bản ủy quyền (trường hợp nộp thay)"),
    ("ban-sao-chung-thuc", "Bản sao chứng thực giấy tờ liên quan"),
    ("ban-ve-thiet-ke", "Bản vẽ, sơ đồ kèm theo"),
    ("other", "Tài liệu chứng minh đủ điều kiện theo quy định"),
]
TARGETS = ["Công dân Việt Nam", "Tổ chức, cá nhân", "Doanh nghiệp", "Hộ gia đình, cá nhân"]
LEGAL_BASIS = ("Quyết định của Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên công bố danh mục "
               "thủ tục hành chính (mẫu sinh tự động)")
