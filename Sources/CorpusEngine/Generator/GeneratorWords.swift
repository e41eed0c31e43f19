/// Word lists for ``CorpusGenerator``: Vietnamese news vocabulary, names, places, organizations.
enum GeneratorWords {
    static let surnames = [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Trương", "Mai", "Đoàn", "Trịnh",
    ]
    static let middleNames = [
        "Văn", "Văn", "Thị", "Thị", "Hữu", "Đức", "Công", "Quốc", "Minh", "Thanh", "Ngọc", "Xuân", "Hồng", "Anh",
        "Kim", "Thành", "Bảo", "Tấn", "Thái", "Quang",
    ]
    static let givenNames = [
        "Thức", "Kiệt", "Hùng", "Dũng", "Lan", "Hoa", "Tuấn", "Bình", "Hòa", "Thủy", "Nam", "Long", "Phúc", "Tâm",
        "Trung", "Sơn", "Hải", "Hương", "Linh", "Nga", "Phương", "Quân", "Thắng", "Vinh", "Xuân", "Yến", "Khoa",
        "Huynh", "Tiến", "Trí", "Duy", "Thúy", "Khỏe", "Lợi", "Nhân", "Đạt", "Cường", "Hiếu", "Hạnh", "Mai",
    ]
    static let placeSyllables = [
        "An", "Phú", "Phước", "Hưng", "Khánh", "Hữu", "Tân", "Mỹ", "Bình", "Long", "Thạnh", "Hòa", "Thới", "Vĩnh",
        "Đông", "Tây", "Lợi", "Lộc", "Thuận", "Xuân", "Sơn", "Hiệp", "Thành", "Châu", "Đức", "Quới", "Điền",
        "Nhơn", "Hội", "Trung", "Lạc", "Hậu", "Định", "Tường", "Khánh", "Thủy", "Cát", "Tiến",
    ]
    static let provinces = [
        "An Giang", "Đồng Tháp", "Cần Thơ", "Kiên Giang", "Vĩnh Long", "Tiền Giang", "Bến Tre", "Long An", "Hậu Giang",
        "Sóc Trăng", "Trà Vinh", "Bạc Liêu", "Cà Mau", "Khánh Hòa", "Quảng Nam", "Nghệ An", "Thanh Hóa", "Hà Nội",
        "Đà Nẵng", "Lâm Đồng", "Bình Dương", "Đồng Nai", "Thái Bình", "Hòa Bình", "Quảng Ninh", "Gia Lai",
    ]
    static let roles = [
        "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh",
        "Bí thư Huyện ủy", "Chủ tịch UBND huyện", "Giám đốc Sở Y tế", "Giám đốc Sở Giáo dục và Đào tạo",
        "Chủ tịch Ủy ban MTTQ tỉnh", "Trưởng ban Tuyên giáo Tỉnh ủy", "Phó Giám đốc Sở Nông nghiệp",
        "Chủ tịch Hội Nông dân tỉnh", "Bí thư Đảng ủy xã", "Chủ tịch HĐND tỉnh",
    ]
    static let organizations = [
        "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "UBND tỉnh", "UBND huyện", "HĐND tỉnh", "MTTQ",
        "Ủy ban MTTQ Việt Nam tỉnh", "Trung tâm Y tế huyện", "Bệnh viện Đa khoa tỉnh", "Sở Tài nguyên và Môi trường",
        "Sở Kế hoạch và Đầu tư", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Bộ Chính trị", "Ban Bí thư",
        "Trung tâm Văn hóa - Thể thao", "Hội Cựu chiến binh", "Công an tỉnh", "Bộ Y tế", "Chính phủ",
    ]
    static let documents = [
        ("Chỉ thị", "CT/TW"), ("Kế hoạch", "KH/TU"), ("Kết luận", "KL/TW"), ("Nghị quyết", "NQ/TW"),
        ("Quyết định", "QĐ-UBND"), ("Kế hoạch", "KH-UBND"), ("Nghị quyết", "NQ/HĐND"), ("Công văn", "UBND-KT"),
    ]
    static let agencies = ["TTXVN", "VNA", "VOV"]
    static let newspapers = ["Báo Nhân Dân", "Báo An Giang", "Báo Tuổi Trẻ", "Báo Thanh Niên", "Cổng thông tin tỉnh"]

    /// Multi-syllable words and phrases for filler text.
    static let phrases = [
        "phát triển", "kinh tế", "xã hội", "nông nghiệp", "chính quyền", "người dân", "doanh nghiệp", "đầu tư",
        "công tác", "chuẩn bị", "đại hội", "nhiệm kỳ", "chỉ đạo", "triển khai", "thực hiện", "hiệu quả", "cán bộ",
        "đảng viên", "tổ chức", "cơ sở", "nâng cao", "chất lượng", "đời sống", "vật chất", "tinh thần", "an ninh",
        "quốc phòng", "giáo dục", "y tế", "môi trường", "hạ tầng", "giao thông", "nông thôn mới", "sản xuất",
        "thị trường", "xuất khẩu", "lúa gạo", "thủy sản", "du lịch", "văn hóa", "thể thao", "chuyển đổi số",
        "cải cách hành chính", "giải pháp", "nhiệm vụ", "mục tiêu", "kế hoạch", "chương trình", "dự án",
        "nguồn lực", "ngân sách", "vốn", "tăng trưởng", "bền vững", "khó khăn", "vướng mắc", "thuận lợi",
        "kết quả", "đánh giá", "kiểm tra", "giám sát", "tuyên truyền", "vận động", "hỗ trợ", "khuyến khích",
        "phối hợp", "chặt chẽ", "kịp thời", "đồng bộ", "toàn diện", "trọng tâm", "trọng điểm", "lãnh đạo",
        "điều hành", "quản lý", "nhà nước", "công nghệ", "khoa học", "lao động", "việc làm", "thu nhập",
        "hộ nghèo", "an sinh", "phúc lợi", "thủy lợi", "hòa bình", "đoàn kết", "dân chủ", "kỷ cương", "minh bạch",
        "tham nhũng", "lãng phí", "biên giới", "mùa nước nổi", "cây ăn trái", "hợp tác xã", "khởi nghiệp",
        "tiềm năng", "lợi thế", "thế mạnh", "quy hoạch", "đô thị", "nhà ở", "đất đai", "khoáng sản", "thuế",
    ]
    static let functionWords = [
        "và", "của", "các", "những", "trong", "với", "đã", "đang", "sẽ", "được", "cho", "để", "về", "theo", "từ",
        "tại", "trên", "nhằm", "cùng", "nhiều", "đến", "này", "đó", "cũng", "vẫn", "luôn", "tiếp tục", "đồng thời",
    ]
    static let verbs = [
        "cho biết", "yêu cầu", "đề nghị", "nhấn mạnh", "chỉ đạo", "ghi nhận", "đánh giá cao", "lưu ý", "khẳng định",
    ]
    static let captionActions = [
        "phát biểu tại hội nghị", "làm việc với lãnh đạo", "thăm mô hình sản xuất", "trao quà cho hộ nghèo",
        "kiểm tra tiến độ công trình", "cùng đoàn công tác làm việc với", "chủ trì buổi làm việc tại",
    ]
    static let junk = ["A A", "A A A", "In bài", "Chia sẻ"]
}
