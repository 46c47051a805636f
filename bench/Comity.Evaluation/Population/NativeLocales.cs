using static Comity.Evaluation.Population.Locale;

namespace Comity.Evaluation.Population;

/// <summary>Locales written in their own scripts (Hangul, kanji, traditional hanzi, Greek, Persian, Hebrew, Devanagari,
/// Thai, Georgian) and the romanisations people use for some of them, plus Pakistani names in Latin script (the common
/// Muslim given names and surnames that fill sanctions lists). Name heads are most common first: Korean surnames in
/// the order of the 2015 census (Kim 21.5 %, Lee 14.7 %, Park 8.4 %...), Japanese and Chinese surnames in the order of
/// the published national rankings (the order the Bogus lists keep), Hebrew, Thai and Hindi lists written for this
/// project from published most-common-name tables.</summary>
internal static class NativeLocales
{
    private static readonly ParallelNames Hebrew = new();
    private static readonly ParallelNames Thai = new();

    /// <summary>Built once: the Hebrew and Thai phrase tables are filled while the locales are built, so building them
    /// again (or from two threads at once) would grow and reorder those tables.</summary>
    private static readonly Lazy<Locale[]> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Locale[] All() => Built.Value;

    private static Locale[] Build()
    {
        var he = HebrewLocale();
        var th = ThaiLocale();
        var el = GreekLocale();
        return
        [
            new("ko-Hang", "kr",
                BogusNames.Given("ko", false), BogusNames.Given("ko", true), BogusNames.Family("ko"),
                ["{F}{G}", "{F}{G}", "{F} {G}"], ["{W}{T} 주식회사", "주식회사 {W}{T}", "(주){W}{T}", "{C}{T} 유한회사"],
                L("한빛 새롬 대일 미래 세진 우리 한솔 동방 삼진 진성 금호 태양 대한 신성 동아"),
                L("전자 건설 물류 식품 정밀 화학 섬유 엔지니어링 무역 산업 해운 제약"),
                L("인천 대구 광주 울산 수원 창원 부산"),
                L("주식회사")),
            new("ja-Jpan", "jp",
                BogusNames.Given("ja", false), BogusNames.Given("ja", true), BogusNames.Family("ja"),
                ["{F}{G}", "{F} {G}", "{F}{G}"], ["{F}{T}株式会社", "株式会社{W}{T}", "{W}{T}有限会社", "{C}{T}合同会社"],
                L("朝日 富士 桜 光 日本 第一 東海 関西 北斗 誠和 大和 三光"),
                L("商事 工業 製作所 建設 電機 運輸 食品 産業 技研 物産 海運 化学"),
                L("仙台 新潟 金沢 岡山 熊本 静岡 横浜"),
                L("株式会社")),
            new("zh-Hant", "tw",
                BogusNames.Given("zh_TW", false), BogusNames.Given("zh_TW", true), BogusNames.Family("zh_TW"),
                ["{F}{G}"], ["{C}{W}{T}{L}", "{W}{T}{L}"],
                L("瑞豐 鑫源 宏達 嘉禾 金輝 天宇 華晨 永盛 盛泰 寶利 凱旋 富興 台塑 統一"),
                L("科技 貿易 電子 紡織 機械 進出口 物流 生技 航運 實業"),
                L("台北 台中 高雄 新竹 台南 桃園"),
                L("有限公司 股份有限公司 企業有限公司")),
            el,
            el with { Code = "el-Latn", Render = GreekLatin },
            new("fa-Arab", "ir",
                BogusNames.Given("fa", false), BogusNames.Given("fa", true), BogusNames.Family("fa"),
                ["{G} {F}", "{G} {F}", "{G} {M} {F}"], ["شرکت {W} {T}", "{W} {T} {L}", "شرکت {T} {C} {L}"],
                L("البرز زاگرس خزر مهر ستاره آفتاب آریا کویر سیمرغ پارس نوین"),
                L("تجارت صنعت ساختمان بازرگانی تولید خدمات فولاد پتروشیمی حمل_و_نقل"),
                L("مشهد شیراز تبریز رشت کرمان اصفهان"),
                L("سهامی_خاص با_مسئولیت_محدود"))
            {
                MiddleMale = L("محمد علی حسین رضا"),
                MiddleFemale = L("سادات زهرا فاطمه معصومه"),
            },
            he,
            he with { Code = "he-Latn", Render = Hebrew.Romanise },
            HindiDevanagari(),
            th,
            th with { Code = "th-Latn", Render = Thai.Romanise },
            new("ka", "ge",
                BogusNames.Given("ge", false), BogusNames.Given("ge", true), BogusNames.Family("ge"),
                ["{G} {F}"], ["შპს {W}", "შპს {W} {T}", "სს {W}"],
                L("ჯორჯია ქართლი კოლხეთი ივერია თბილისი კავკასია არაგვი"),
                L("ჯგუფი ტრანსი ბილდი ტრეიდი"),
                L("ბათუმი ქუთაისი რუსთავი"),
                L("შპს")),
            new("pk", "pk",
                L("Muhammad Ahmed Ali Hassan Usman Bilal Imran Hamza Abdullah Umar Zain Faisal Asif Tariq Kamran Shahid Naveed Waqas Adnan Junaid Irfan Salman Nadeem Arshad Khalid"),
                L("Fatima Ayesha Zainab Maryam Khadija Sana Amna Hira Iqra Rabia Saima Nadia Asma Bushra Farah Mehwish Sadia Uzma Noor Samina"),
                L("Khan Ahmed Ali Hussain Shah Malik Qureshi Butt Chaudhry Raza Iqbal Akhtar Sheikh Siddiqui Mirza Awan Javed Rana Baig Abbasi Hashmi Anwar Aslam Rehman Zafar Saeed Mahmood Nawaz Bhatti Rashid"),
                ["{G} {F}", "{G} {M} {F}", "{G} {F}", "{M} {G} {F}"], ["{F} {T} {L}", "{W} {T} {L}", "{F} & Sons {T} {L}", "{C} {W} {T} {L}"],
                L("Al-Noor Crescent Indus Punjab Star Falcon Royal Madina Shaheen Pak Green Zam_Zam"),
                L("Textiles Traders Enterprises Steel Rice_Mills Cotton Pharma Builders Developers Associates Engineering Poultry"),
                L("Karachi Lahore Faisalabad Multan Sialkot Peshawar Quetta"),
                L("(Pvt.)_Ltd. Pvt_Ltd Private_Limited Ltd. Limited"))
            {
                MiddleMale = L("Muhammad Ali Ahmed Hussain Abdul"),
                MiddleFemale = L("Bibi Begum Noor Fatima"),
            },
        ];
    }

    /// <summary>Greek in the Latin spelling of passports (ELOT 743 style): AnyAscii's letters, with ου as ou and αυ, ευ
    /// as av, ev (Papadopoulos, Evangelos, Stavros).</summary>
    private static string GreekLatin(string text) => AnyAscii.Transliteration.Transliterate(text)
        .Replace("oy", "ou", StringComparison.Ordinal).Replace("Oy", "Ou", StringComparison.Ordinal)
        .Replace("ay", "av", StringComparison.Ordinal).Replace("ey", "ev", StringComparison.Ordinal).Replace("Ey", "Ev", StringComparison.Ordinal).Replace("gg", "ng", StringComparison.Ordinal);

    private static Locale GreekLocale()
    {
        var femaleGiven = L("Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Κωνσταντίνα Παρασκευή Ιωάννα Ευαγγελία Χριστίνα Αναστασία Ειρήνη Αθηνά");
        var family = L("Παπαδόπουλος Βλάχος Αγγελόπουλος Νικολαΐδης Γεωργίου Παπαδημητρίου Οικονόμου Καραγιάννης Μακρής Δημητρίου Ιωάννου Παππάς Κωνσταντίνου Αντωνίου Χριστοδούλου Παπανικολάου Αλεξίου Μαυρίδης Σταθόπουλος Κωστόπουλος");
        return new("el", "gr",
            L("Γεώργιος Ιωάννης Κωνσταντίνος Δημήτριος Νικόλαος Παναγιώτης Βασίλειος Χρήστος Αθανάσιος Μιχαήλ Ευάγγελος Σπυρίδων Αντώνιος Ανδρέας Θεόδωρος"),
            femaleGiven, family,
            ["{G} {F}", "{G} {F}", "{G} {M} {F}"], ["{F} {T} {L}", "{W} {T} {L}", "{W} {T} {L}", "{F} & ΣΙΑ {L}"],
            L("Αιγαίο Όλυμπος Ερμής Αθηνά Ποσειδών Ιόνιο Κρήτη Πήγασος Ωκεανός Ελλάς Αστήρ"),
            L("Ναυτιλιακή Εμπορική Κατασκευαστική Τεχνική Τροφίμων Ενεργειακή Μεταφορική Ξενοδοχειακή"),
            L("Θεσσαλονίκη Πάτρα Βόλος Ηράκλειο Λάρισα Πειραιάς"),
            L("Α.Ε. Ε.Π.Ε. Ι.Κ.Ε. Ο.Ε. Ναυτιλιακή_Εταιρεία"))
        {
            BogusLocale = "el",
            MiddleMale = L("Γεώργιος Ιωάννης Νικόλαος"),
            MiddleFemale = L("Μαρία Ελένη Σοφία"),
            FemaleFamily = f => f.EndsWith("ος", StringComparison.Ordinal) ? f[..^2] + "ου"
                : f.EndsWith("ης", StringComparison.Ordinal) || f.EndsWith("άς", StringComparison.Ordinal) ? f[..^1] : f,
        };
    }

    private static Locale HebrewLocale() => new("he", "il",
        Hebrew.Add("דוד=David משה=Moshe יוסף=Yosef אברהם=Avraham יעקב=Yaakov דניאל=Daniel אורי=Uri נועם=Noam איתי=Itai יונתן=Yonatan אריאל=Ariel עומר=Omer אליהו=Eliyahu שמואל=Shmuel חיים=Haim מיכאל=Michael רון=Ron אמיר=Amir גיל=Gil יצחק=Yitzhak"),
        Hebrew.Add("שרה=Sarah רחל=Rachel מרים=Miriam נועה=Noa תמר=Tamar מיכל=Michal יעל=Yael שירה=Shira רבקה=Rivka לאה=Leah אסתר=Esther הילה=Hila מאיה=Maya עדי=Adi אורית=Orit רונית=Ronit דנה=Dana ליאת=Liat איילת=Ayelet חנה=Hana"),
        Hebrew.Add("כהן=Cohen לוי=Levi מזרחי=Mizrahi פרץ=Peretz ביטון=Biton דהן=Dahan פרידמן=Friedman אזולאי=Azoulay מלכה=Malka כץ=Katz עמר=Amar אוחיון=Ohayon חדד=Hadad גבאי=Gabay בן_דוד=Ben_David שפירא=Shapira אשכנזי=Ashkenazi רוזנברג=Rosenberg שלום=Shalom גולן=Golan ברק=Barak אלון=Alon אברהמי=Avrahami סויסה=Suissa וקנין=Vaknin"),
        ["{G} {F}", "{G} {F}", "{G} {M} {F}"], ["{F} {T} בע\"מ", "{W} {T} בע\"מ", "{W} {T}"],
        Hebrew.Add("אופק=Ofek גליל=Galil כרמל=Carmel ים_תיכון=Mediterranean שחר=Shahar נגב=Negev ארז=Erez אלפא=Alpha"),
        Hebrew.Add("השקעות=Investments תעשיות=Industries סחר=Trading הנדסה=Engineering מערכות=Systems נכסים=Properties טכנולוגיות=Technologies"),
        Hebrew.Add("חיפה=Haifa אשדוד=Ashdod נתניה=Netanya"),
        Hebrew.Add("בע\"מ=Ltd."))
    {
        MiddleMale = Hebrew.Add("חיים=Haim מאיר=Meir צבי=Zvi"),
        MiddleFemale = Hebrew.Add("חנה=Hana רות=Ruth לאה=Leah"),
    };

    private static Locale ThaiLocale() => new("th", "th",
        Thai.Add("สมชาย=Somchai สมศักดิ์=Somsak ประเสริฐ=Prasert วิชัย=Wichai สุรชัย=Surachai ธนากร=Thanakorn กิตติ=Kitti อนันต์=Anan ชัยวัฒน์=Chaiwat ณัฐพล=Nattapon พงศกร=Phongsakorn สุเมธ=Sumet วีระ=Wira อภิชาติ=Aphichat สมบัติ=Sombat ประยุทธ=Prayut"),
        Thai.Add("สมหญิง=Somying มาลี=Mali สุดา=Suda นภา=Napha วรรณา=Wanna ศิริพร=Siriporn กัญญา=Kanya ปราณี=Pranee อรุณี=Arunee จันทร์เพ็ญ=Chanpen พิมพ์ชนก=Pimchanok สุนิสา=Sunisa ณัฐธิดา=Natthida รัตนา=Rattana อัญชลี=Anchalee"),
        Thai.Add("สุขสวัสดิ์=Suksawat แสงทอง=Saengthong ศรีสุข=Srisuk บุญมา=Boonma วงศ์สวัสดิ์=Wongsawat จันทร์แก้ว=Chankaew ทองดี=Thongdee รุ่งเรือง=Rungruang สมบูรณ์=Somboon ปัญญาดี=Panyadee เจริญผล=Charoenphon ศรีวงศ์=Sriwong พรหมมา=Phromma อินทร์แก้ว=Inkaew แก้วมณี=Kaewmanee ชัยมงคล=Chaimongkol บุญเรือง=Boonruang ทองคำ=Thongkham สุวรรณ=Suwan ประเสริฐสุข=Prasertsuk"),
        ["{G} {F}"], ["บริษัท {W} {T} จำกัด", "ห้างหุ้นส่วนจำกัด {W}"],
        Thai.Add("สยาม=Siam ไทยรุ่งเรือง=Thai_Rung_Ruang เจริญ=Charoen กรุงเทพ=Bangkok ศรีสวัสดิ์=Sri_Sawat ทองไทย=Thong_Thai"),
        Thai.Add("เทรดดิ้ง=Trading อินดัสตรี=Industry คอนสตรัคชั่น=Construction โลจิสติกส์=Logistics ฟู้ดส์=Foods"),
        Thai.Add("เชียงใหม่=Chiang_Mai ภูเก็ต=Phuket ขอนแก่น=Khon_Kaen"),
        Thai.Add("จำกัด=Co.,_Ltd. บริษัท=_ ห้างหุ้นส่วนจำกัด=Limited_Partnership"));

    private static Locale HindiDevanagari() => new("hi-Deva", "in",
        L("आरव विवान आदित्य अर्जुन राहुल अमित संदीप विक्रम अनिल सुरेश राजेश मनोज दीपक रोहन कृष्ण सुनील विजय अजय संजय रवि"),
        L("प्रिया पूजा नेहा स्नेहा अंजलि दिव्या श्रेया मीरा सुनीता रेखा लक्ष्मी स्वाति निशा अनन्या काव्या सीमा गीता कविता"),
        L("शर्मा वर्मा गुप्ता कुमार सिंह पटेल जोशी मेहता शाह यादव मिश्रा तिवारी पांडे चौधरी अग्रवाल सक्सेना त्रिपाठी श्रीवास्तव दुबे राव"),
        ["{G} {F}", "{G} {M} {F}"], ["{W} {T} प्राइवेट लिमिटेड", "{F} {T} {L}", "श्री {W} {T}"],
        L("श्री गणेश लक्ष्मी सूर्य सरस्वती गंगा हिमालय भारत नवभारत"),
        L("टेक्सटाइल्स फार्मा एग्रो स्टील एक्सपोर्ट्स मोटर्स केमिकल्स ज्वैलर्स"),
        L("पुणे इंदौर नागपुर सूरत जयपुर लखनऊ"),
        L("लिमिटेड प्राइवेट_लिमिटेड"))
    {
        MiddleMale = L("कुमार प्रकाश चंद्र लाल नाथ"),
        MiddleFemale = L("कुमारी देवी रानी"),
    };
}
