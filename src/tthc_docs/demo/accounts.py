"""The demo accounts of API.md, all with the password ``demo-password``."""
from tthc_docs import security as s
from tthc_docs.demo import DEMO_PASSWORD
from tthc_docs.demo.agencies import DEMO_AGENCY

ACCOUNTS = [
    ("citizen1", "Nguyễn Thị Lan", [s.CITIZEN], None, ""),
    ("citizen2", "Trần Văn Hùng", [s.CITIZEN], None, ""),
    ("editor1", "Lê Thu Hà", [s.EDITOR], None, "Biên tập viên"),
    ("reception1", "Phạm Minh Tuấn", [s.RECEPTION], DEMO_AGENCY, "Cán bộ tiếp nhận"),
    ("specialist1", "Võ Thị Mai", [s.SPECIALIST], DEMO_AGENCY, "Chuyên viên"),
    ("leader1", "Đặng Quốc Bảo", [s.LEADER], DEMO_AGENCY, "Phó Giám đốc"),
    ("admin", "Quản trị hệ thống", [s.ADMIN], None, "Quản trị viên"),
]


def load(site, settings):
    people = site["people"]
    for login, name, roles, agency, title in ACCOUNTS:
        if login not in people:
            people.create(login, DEMO_PASSWORD, name, roles, agency=agency, title=title)
    people["leader1"].signer = "leader1"
