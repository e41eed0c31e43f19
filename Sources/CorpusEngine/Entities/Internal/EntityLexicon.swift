/// The word lists behind entity extraction. Every phrase is written as in running text and compared
/// by normalized token key (``VietnameseText/key(_:)``), so case and tone spelling do not matter.
enum EntityLexicon {
    /// Titles and positions that introduce a person and become the person's role.
    static let titles = [
        "bí thư", "phó bí thư", "tổng bí thư", "chủ tịch", "phó chủ tịch", "chủ tịch nước", "phó chủ tịch nước",
        "thủ tướng", "phó thủ tướng", "thủ tướng chính phủ", "bộ trưởng", "thứ trưởng", "chủ nhiệm", "phó chủ nhiệm",
        "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc", "trưởng ban", "phó trưởng ban",
        "trưởng phòng", "phó trưởng phòng", "hiệu trưởng", "phó hiệu trưởng", "viện trưởng", "phó viện trưởng",
        "chánh án", "phó chánh án", "chánh văn phòng", "phó chánh văn phòng", "cục trưởng", "phó cục trưởng",
        "vụ trưởng", "tổng cục trưởng", "chủ nhiệm ủy ban", "ủy viên", "ủy viên bộ chính trị", "ủy viên trung ương",
        "thường trực", "trưởng đoàn", "phó trưởng đoàn", "đại sứ", "tổng thống", "thủ tướng", "trưởng công an",
        "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá", "thiếu tá",
        "giáo sư", "phó giáo sư", "tiến sĩ", "thạc sĩ", "bác sĩ", "luật sư", "nhà báo", "nghệ sĩ", "nghệ sĩ nhân dân",
        "nghệ sĩ ưu tú", "nhà văn", "nhạc sĩ", "họa sĩ", "kỹ sư", "trưởng thôn", "trưởng ấp", "trưởng khóm",
        "gs", "pgs", "ts", "ths", "bs", "ls", "nsnd", "nsưt", "đại biểu quốc hội", "nguyên", "cố",
    ]

    /// Honorifics that introduce a person but are not a role. `anh`/`chị` also mean brother/sister, so
    /// they need a name that starts with a known surname.
    static let honorifics = ["ông", "bà", "đồng chí", "anh", "chị", "cụ", "em", "cô", "thầy"]
    static let weakHonorifics: Set<String> = ["anh", "chị", "cụ", "em", "cô", "thầy"]

    /// Organizations written the same way everywhere. Abbreviations map to their long form, which is
    /// the entity's name; the abbreviation becomes an alias.
    static let fixedOrganizations: [(phrase: String, longForm: String?, takesLocation: Bool)] = [
        ("Bộ Chính trị", nil, false), ("Ban Bí thư", nil, false), ("Ban Chấp hành Trung ương", nil, false),
        ("Quốc hội", nil, false), ("Chính phủ", nil, false), ("Tỉnh ủy", nil, true), ("Huyện ủy", nil, true),
        ("Thành ủy", nil, true), ("Quận ủy", nil, true), ("Thị ủy", nil, true), ("Đảng ủy", nil, true),
        ("Ban Thường vụ Tỉnh ủy", nil, true), ("Ban Thường vụ Huyện ủy", nil, true),
        ("Ban Thường vụ Thành ủy", nil, true), ("Ban Thường vụ Quận ủy", nil, true),
        ("Ban Thường vụ Đảng ủy", nil, true), ("Ban Chấp hành Đảng bộ", nil, true),
        ("Ủy ban nhân dân", nil, true), ("UBND", "Ủy ban nhân dân", true),
        ("Hội đồng nhân dân", nil, true), ("HĐND", "Hội đồng nhân dân", true),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam", nil, true), ("Ủy ban Mặt trận Tổ quốc", nil, true),
        ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam", true), ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc", true),
        ("Mặt trận Tổ quốc Việt Nam", nil, true), ("Mặt trận Tổ quốc", nil, true),
        ("MTTQ", "Mặt trận Tổ quốc", true), ("MTTQVN", "Mặt trận Tổ quốc Việt Nam", true),
        ("Tòa án nhân dân", nil, true), ("TAND", "Tòa án nhân dân", true),
        ("Viện Kiểm sát nhân dân", nil, true), ("VKSND", "Viện Kiểm sát nhân dân", true),
        ("Công an", nil, true), ("Bộ Công an", nil, false), ("Bộ Quốc phòng", nil, false),
        ("Bảo hiểm xã hội", nil, true), ("BHXH", "Bảo hiểm xã hội", true),
        ("Tỉnh đoàn", nil, true), ("Huyện đoàn", nil, true), ("Thành đoàn", nil, true),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", nil, false), ("Đoàn Thanh niên", nil, true),
        ("Hội Liên hiệp Phụ nữ", nil, true), ("Hội Nông dân", nil, true), ("Hội Cựu chiến binh", nil, true),
        ("Liên đoàn Lao động", nil, true), ("Thông tấn xã Việt Nam", nil, false),
        ("TTXVN", "Thông tấn xã Việt Nam", false), ("Liên hợp quốc", nil, false), ("ASEAN", nil, false),
        ("WHO", "Tổ chức Y tế Thế giới", false), ("Tổ chức Y tế Thế giới", nil, false),
    ]

    /// Heads of organization names that go on with a capitalized name (`Trung tâm Y tế`, `Sở Kế hoạch
    /// và Đầu tư`, `Bệnh viện Đa khoa`).
    static let organizationHeads = [
        "Trung tâm", "Bệnh viện", "Sở", "Bộ", "Ban", "Hội", "Viện", "Học viện", "Đại học", "Trường Đại học",
        "Trường Cao đẳng", "Trường Trung học", "Trường THPT", "Trường THCS", "Trường Tiểu học", "Trường Mầm non",
        "Công ty", "Tổng công ty", "Tập đoàn", "Ngân hàng", "Cục", "Tổng cục", "Chi cục", "Báo", "Đài",
        "Hợp tác xã", "Liên đoàn", "Quỹ", "Văn phòng", "Phòng", "Đảng bộ", "Chi bộ", "Ủy ban", "Hiệp hội",
        "Câu lạc bộ", "Nhà máy", "Khu công nghiệp",
    ]

    /// Words that introduce a place.
    static let designators = [
        "tỉnh", "huyện", "xã", "thị trấn", "thành phố", "tp", "quận", "phường", "ấp", "thị xã", "thôn", "khóm",
        "làng", "bản", "thủ đô", "tổ dân phố", "khu phố", "vùng", "đảo", "quần đảo",
    ]

    /// Kinds of legal documents that are followed by a number (`Chỉ thị số 35-CT/TW`).
    static let documentTypes = [
        "chỉ thị", "kế hoạch", "kết luận", "nghị quyết", "quyết định", "nghị định", "thông tư", "công văn",
        "thông báo", "luật", "hướng dẫn", "quy định", "đề án", "chương trình", "thông tư liên tịch", "pháp lệnh",
        "tờ trình", "báo cáo",
    ]

    /// Common Vietnamese surnames: a capitalized run after a place name starts a person's name here.
    static let surnames: Set<String> = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
        "dương", "lý", "đinh", "lâm", "trương", "mai", "đoàn", "trịnh", "lưu", "đào", "cao", "hà", "tô", "tạ",
        "châu", "thái", "quách", "lương", "vương", "từ", "chu", "la", "kiều", "tăng", "triệu", "phùng",
        "mạc", "giang", "khúc", "lục", "thân", "âu", "hứa", "doãn", "nông", "lò", "ninh", "tôn", "khổng", "lại",
        "quan", "diệp", "đồng", "bạch", "danh", "thạch", "sơn", "hầu", "mẫn", "viên",
    ]

    /// Provinces and centrally governed cities, recognized as places even without a designator.
    /// (`Hồ Chí Minh` alone is left out: it is also a person's name.)
    static let provinces = [
        "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
        "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
        "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
        "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
        "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
        "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Việt Nam", "TP.HCM", "TPHCM",
    ]

    /// Function words and common verbs that end an organization name written partly in lowercase.
    static let stopWords: Set<String> = [
        "và", "của", "với", "thành", "đã", "đang", "sẽ", "vừa", "được", "bị", "là", "có", "cho", "tại", "ở",
        "trong", "về", "theo", "để", "do", "các", "những", "này", "đó", "cùng", "trên", "từ", "khi", "nhằm",
        "vào", "ra", "thì", "mà", "nhưng", "hoặc", "hay", "không", "chưa", "vẫn", "cũng", "đến", "sau", "trước",
        "năm", "tháng", "ngày", "đồng", "thời", "cần", "phải", "nên", "như", "gồm", "qua", "nay", "còn", "một",
        "hai", "ba", "bốn", "tổ", "chức", "cho", "biết", "yêu", "cầu", "đề", "nghị", "ban", "hành", "triển",
        "khai", "phối", "hợp", "chỉ", "đạo", "thông", "báo", "công", "bố", "quyết", "kiểm", "tra", "tiến",
        "hướng", "dẫn", "phát", "động", "trao", "tặng", "nhận", "cấp", "ký", "phê", "duyệt", "đánh", "giá",
        "xây", "dựng", "tăng", "cường", "thực", "hiện", "tiếp", "tục", "khuyến", "cáo", "họp", "làm", "việc",
        "ông", "bà", "đồng", "chí", "người", "dân", "huyện", "tỉnh", "xã", "thị", "phố", "quận", "phường",
        "nói", "lúc", "hơn", "gần", "khoảng", "số", "mới", "rất", "đều", "luôn", "chủ", "trì", "đón", "tiếp",
    ]
}
