namespace Comity.Evaluation.Variants;

/// <summary>Names of listed people as the press of other scripts writes them, typed by hand for this project: Chinese
/// characters in the standard transcription of foreign names (弗拉基米尔·普京), Japanese katakana as the Japanese press
/// writes them (ウラジーミル・プーチン), and Khmer script for the Cambodians on the lists. Each is paired with the listed
/// person whose name carries every word of the Latin spelling given here.</summary>
internal static class HandRenderings
{
    public static readonly (string Kind, string Native, string Latin)[] All =
    [
        ("hanzi_foreign", "弗拉基米尔·普京", "Vladimir Putin"), ("hanzi_foreign", "谢尔盖·拉夫罗夫", "Sergey Lavrov"),
        ("hanzi_foreign", "尼古拉斯·马杜罗", "Nicolas Maduro"), ("hanzi_foreign", "巴沙尔·阿萨德", "Bashar Assad"),
        ("hanzi_foreign", "阿里·哈梅内伊", "Ali Khamenei"), ("hanzi_foreign", "德米特里·梅德韦杰夫", "Dmitry Medvedev"),
        ("hanzi_foreign", "谢尔盖·绍伊古", "Sergei Shoigu"), ("hanzi_foreign", "叶夫根尼·普里戈任", "Prigozhin"),
        ("hanzi_foreign", "奥列格·德里帕斯卡", "Oleg Deripaska"), ("hanzi_foreign", "罗曼·阿布拉莫维奇", "Roman Abramovich"),
        ("hanzi_foreign", "阿列克谢·米勒", "Alexey Miller"), ("hanzi_foreign", "伊戈尔·谢钦", "Igor Sechin"),
        ("hanzi_foreign", "阿尔卡季·罗滕贝格", "Arkady Rotenberg"), ("hanzi_foreign", "根纳季·季姆琴科", "Timchenko"),
        ("hanzi_foreign", "哈桑·纳斯鲁拉", "Hassan Nasrallah"), ("hanzi_foreign", "丹尼尔·奥尔特加", "Daniel Ortega"),
        ("hanzi_foreign", "迪奥斯达多·卡韦略", "Diosdado Cabello"), ("hanzi_foreign", "拉姆赞·卡德罗夫", "Ramzan Kadyrov"),
        ("hanzi_foreign", "阿利舍尔·乌斯马诺夫", "Alisher Usmanov"), ("hanzi_foreign", "米哈伊尔·弗里德曼", "Mikhail Fridman"),
        ("hanzi_foreign", "维克托·维克塞尔伯格", "Viktor Vekselberg"), ("hanzi_foreign", "尤里·科瓦尔丘克", "Kovalchuk"),
        ("hanzi_foreign", "谢尔盖·切梅佐夫", "Sergei Chemezov"), ("hanzi_foreign", "尼古拉·帕特鲁舍夫", "Nikolai Patrushev"),
        ("hanzi_foreign", "亚历山大·博尔特尼科夫", "Bortnikov"), ("hanzi_foreign", "瓦列里·格拉西莫夫", "Gerasimov"),
        ("hanzi_foreign", "约瑟夫·科尼", "Joseph Kony"), ("hanzi_foreign", "罗伯特·穆加贝", "Robert Mugabe"),
        ("hanzi_foreign", "玛丽亚·扎哈罗娃", "Maria Zakharova"), ("hanzi_foreign", "埃尔维拉·纳比乌林娜", "Elvira Nabiullina"),
        ("hanzi_foreign", "维亚切斯拉夫·沃洛金", "Vyacheslav Volodin"), ("hanzi_foreign", "德米特里·佩斯科夫", "Peskov"),
        ("hanzi_foreign", "谢尔盖·基里延科", "Kiriyenko"), ("hanzi_foreign", "瓦伦蒂娜·马特维延科", "Matviyenko"),
        ("katakana_press", "ウラジーミル・プーチン", "Vladimir Putin"), ("katakana_press", "セルゲイ・ラブロフ", "Sergey Lavrov"),
        ("katakana_press", "ニコラス・マドゥロ", "Nicolas Maduro"), ("katakana_press", "バッシャール・アサド", "Bashar Assad"),
        ("katakana_press", "アリー・ハメネイ", "Ali Khamenei"), ("katakana_press", "ドミトリー・メドベージェフ", "Dmitry Medvedev"),
        ("katakana_press", "セルゲイ・ショイグ", "Sergei Shoigu"), ("katakana_press", "エフゲニー・プリゴジン", "Prigozhin"),
        ("katakana_press", "オレグ・デリパスカ", "Oleg Deripaska"), ("katakana_press", "ロマン・アブラモビッチ", "Roman Abramovich"),
        ("katakana_press", "イーゴリ・セーチン", "Igor Sechin"), ("katakana_press", "アルカジー・ローテンベルク", "Arkady Rotenberg"),
        ("katakana_press", "ゲンナジー・ティムチェンコ", "Timchenko"), ("katakana_press", "ハサン・ナスララ", "Hassan Nasrallah"),
        ("katakana_press", "ダニエル・オルテガ", "Daniel Ortega"), ("katakana_press", "ディオスダド・カベジョ", "Diosdado Cabello"),
        ("katakana_press", "ラムザン・カディロフ", "Ramzan Kadyrov"), ("katakana_press", "アリシェル・ウスマノフ", "Alisher Usmanov"),
        ("katakana_press", "ミハイル・フリードマン", "Mikhail Fridman"), ("katakana_press", "ジョゼフ・コニー", "Joseph Kony"),
        ("katakana_press", "ロバート・ムガベ", "Robert Mugabe"), ("katakana_press", "マリア・ザハロワ", "Maria Zakharova"),
        ("katakana_press", "エリビラ・ナビウリナ", "Elvira Nabiullina"), ("katakana_press", "ドミトリー・ペスコフ", "Peskov"),
        ("katakana_press", "ニコライ・パトルシェフ", "Nikolai Patrushev"), ("katakana_press", "キム・ジョンウン", "Kim Jong Un"),
        ("katakana_press", "ヴィクトル・ヴェクセリベルク", "Viktor Vekselberg"), ("katakana_press", "セルゲイ・チェメゾフ", "Sergei Chemezov"),
        ("khmer", "គន់ គីម", "Kun Kim"), ("khmer", "ហ៊ីង ប៊ុនហៀង", "Hing Bun Hieng"), ("khmer", "ទ្រី ភាព", "Try Pheap"),
        ("khmer", "គីម សុភារី", "Kim Sophary"), ("khmer", "គីម ផារ៉ា", "Kim Phara"), ("khmer", "ឃីង ចាន់ឌី", "King Chandy"),
    ];
}
