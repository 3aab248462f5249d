"""A generator of a large, plausible procedure catalog (2,000 by default) for benchmarks.

Names are built from the actions and objects a real provincial catalog is
made of (1,880 procedures in the province modelled), so words repeat across
fields as they do in reality ("cấp", "giấy phép", "đăng ký") and a search
has to intersect large posting sets, not find a unique word. Deterministic
(seeded). `populate(site, n)` creates and publishes them.
"""
import random

ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Đăng ký",
           "Đăng ký thay đổi", "Xác nhận", "Công nhận", "Thẩm định", "Phê duyệt", "Chấm dứt",
           "Bổ sung", "Hủy bỏ", "Công bố", "Thông báo"]
OBJECTS = {
    "Hộ tịch": ["khai sinh", "kết hôn", "khai tử", "giám hộ", "nhận cha, mẹ, con", "thay đổi hộ tịch",
                "xác nhận tình trạng hôn nhân", "trích lục hộ tịch"],
    "Chứng thực": ["bản sao từ bản chính", "chữ ký", "hợp đồng, giao dịch", "di chúc", "văn bản thỏa thuận"],
    "Đất đai": ["giấy chứng nhận quyền sử dụng đất", "biến động đất đai", "chuyển mục đích sử dụng đất",
                "tách thửa, hợp thửa", "giao đất, cho thuê đất", "gia hạn sử dụng đất"],
    "Xây dựng": ["giấy phép xây dựng nhà ở riêng lẻ", "giấy phép xây dựng công trình",
                 "chứng chỉ hành nghề hoạt động xây dựng", "thiết kế xây dựng", "giấy phép di dời công trình"],
    "Đăng ký kinh doanh": ["hộ kinh doanh", "doanh nghiệp tư nhân", "công ty trách nhiệm hữu hạn",
                           "công ty cổ phần", "chi nhánh, văn phòng đại diện", "hợp tác xã"],
    "Giao thông vận tải": ["giấy phép lái xe", "giấy phép kinh doanh vận tải", "phù hiệu xe",
                           "đăng ký phương tiện thủy nội địa", "giấy phép thi công công trình đường bộ"],
    "Y tế": ["chứng chỉ hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động phòng khám",
             "giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"],
    "Giáo dục và Đào tạo": ["thành lập trường mầm non", "cho phép hoạt động giáo dục", "văn bằng, chứng chỉ",
                            "công nhận trường đạt chuẩn quốc gia", "chuyển trường cho học sinh"],
    "Lao động – Thương binh và Xã hội": ["trợ cấp xã hội hằng tháng", "trợ cấp thất nghiệp",
                                         "giấy phép lao động", "chế độ người có công", "mai táng phí"],
    "Tài nguyên và Môi trường": ["giấy phép khai thác nước mặt", "giấy phép xả thải", "đánh giá tác động môi trường",
                                 "giấy phép khai thác khoáng sản", "kế hoạch bảo vệ môi trường"],
    "Văn hóa, Thể thao và Du lịch": ["giấy phép kinh doanh karaoke", "công nhận hạng cơ sở lưu trú du lịch",
                                     "giấy phép tổ chức lễ hội", "thẻ hướng dẫn viên du lịch"],
    "Nông nghiệp": ["giấy chứng nhận kiểm dịch động vật", "giấy phép khai thác thủy sản",
                    "chứng nhận vùng trồng", "giấy chứng nhận cơ sở an toàn dịch bệnh"],
}
QUALIFIERS = ["", "", "", " (trường hợp bị mất, hỏng)", " cho người nước ngoài", " có yếu tố nước ngoài",
              " lưu động", " theo yêu cầu", " cho tổ chức", " cho cá nhân", " trực tuyến"]
LEVELS = ["province", "commune"]  # two levels since 1 July 2025
DOC_TYPES = ["don-de-nghi", "cccd", "giay-khai-sinh", "giay-chung-nhan-qsdd", "hop-dong", "ban-ve-thiet-ke",
             "giay-chung-nhan-dkkd", "anh-the", "bang-cap", "giay-kham-suc-khoe", "other"]
AGENCIES = ["000.00.20.H55"]


def generate(n=2000, seed=20261127):
    """`n` procedure records in the import format, codes 8.000000 upwards."""
    rng = random.Random(seed)
    fields = sorted(OBJECTS)
    out = []
    for i in range(n):
        field = fields[i % len(fields)]
        name = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS[field])}{rng.choice(QUALIFIERS)}"
        days = rng.choice([1, 3, 5, 7, 10, 15, 20, 30])
        fee = rng.choice([0, 0, 10000, 50000, 100000, 200000, 500000])
        reception, leader = (0, 0) if days < 3 else (1, 1)
        out.append({
            "code": f"8.{i:06d}", "name": name, "field": field, "level": rng.choice(LEVELS),
            "agencies": list(AGENCIES), "processing_days": days, "fee": fee, "online_fee": None,
            "form": None, "methods": ["counter", "online"], "online_level": rng.choice(["toan-trinh", "mot-phan"]),
            "target_group": rng.choice(["Công dân Việt Nam", "Tổ chức, cá nhân", "Doanh nghiệp"]),
            "result_doc_type": rng.choice(["quyet-dinh", "other"]), "result_name": "",
            "requirements": [{"id": f"r{k}", "name": f"Giấy tờ số {k + 1} về {name.lower()}",
                              "doc_type": rng.choice(DOC_TYPES), "copies": 1, "required": k == 0}
                             for k in range(rng.randint(1, 5))],
            "steps": [{"id": "tiep-nhan", "name": "Tiếp nhận hồ sơ", "role": "reception", "days": reception},
                      {"id": "xu-ly", "name": "Thẩm định hồ sơ", "role": "specialist",
                       "days": days - reception - leader},
                      {"id": "phe-duyet", "name": "Phê duyệt", "role": "leader", "days": leader}],
            "citizen_steps": [], "legal_basis": [f"Nghị định số {rng.randint(1, 180)}/20{rng.randint(15, 25)}/NĐ-CP"],
        })
    return out


def populate(site, n=2000, by="bench"):
    """Validate, create and publish `n` generated procedures in `site`."""
    from tthc_docs.catalog.schema import validate
    catalog = site["procedures"]
    for record in generate(n):
        data = validate(record)
        catalog.create(data, by)
        catalog.publish(data["code"], by)
