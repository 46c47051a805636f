using static Comity.Evaluation.Population.Locale;

namespace Comity.Evaluation.Population;

/// <summary>Locales added for the scripts issue 9 says were still unread: Cambodians in Khmer script (and in the
/// Latin spelling of their passports), and foreign residents of Japan written in katakana as Japanese forms write them
/// (Vietnamese, Filipino, Brazilian, Chinese, Korean and Western names). Common Khmer surnames (Sok, Chan, Kim, Heng,
/// Ly, Seng, Chea, Keo...) and given names written for this project from published lists of common Cambodian names.</summary>
internal static class ExtraLocales
{
    private static readonly ParallelNames Khmer = new();

    private static readonly Lazy<Locale[]> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Locale[] All() => Built.Value;

    private static Locale[] Build()
    {
        var km = new Locale("km", "kh",
            Khmer.Add("ដារ៉ា=Dara វិចិត្រ=Vichet សុផល=Sophal ពិសិដ្ឋ=Piseth រិទ្ធ=Rith កុសល=Kosal សុវណ្ណ=Sovann ប៊ុនធឿន=Bunthoeun វណ្ណៈ=Vannak សំណាង=Samnang ចំរើន=Chamroeun សុខា=Sokha ពៅ=Pov សុភ័ក្រ=Sopheak វិសាល=Visal"),
            Khmer.Add("សុភា=Sophea ចិន្តា=Chenda បុប្ផា=Bopha ស្រីមុំ=Sreymom រតនា=Rathana ចន្ថា=Chantha សុធា=Sothea កញ្ញា=Kanha មុនី=Mony ស្រីពៅ=Sreypov ដាលីស=Dalis សុគន្ធា=Sokunthea ស្រីនាង=Sreyneang"),
            Khmer.Add("សុខ=Sok ចាន់=Chan គីម=Kim ហេង=Heng លី=Ly សេង=Seng ជា=Chea កែវ=Keo មាស=Meas ប្រាក់=Prak ពេជ្រ=Pich សោម=Som ទេព=Tep វ៉ាន់=Vann យឹម=Yim អ៊ុក=Ouk ម៉ៅ=Mao នួន=Nuon ផាន=Phan ឈឹម=Chhim ខៀវ=Khieu អ៊ឹង=Ung ទូច=Touch"),
            ["{F} {G}", "{F} {G}", "{F} {G} {M}"], ["ក្រុមហ៊ុន {W} {T} {L}", "{W} {T} {L}"],
            Khmer.Add("អង្គរ=Angkor មេគង្គ=Mekong ទន្លេ=Tonle ស្រីសួស្តី=Srey_Suosdey ភ្នំ=Phnom ចតុមុខ=Chaktomuk"),
            Khmer.Add("ពាណិជ្ជកម្ម=Trading សំណង់=Construction ដឹកជញ្ជូន=Transport កសិកម្ម=Agriculture"),
            Khmer.Add("សៀមរាប=Siem_Reap បាត់ដំបង=Battambang កំពត=Kampot"),
            Khmer.Add("ឯ.ក=Co.,_Ltd."))
        {
            MiddleMale = Khmer.Add("ដារ៉ា=Dara រិទ្ធ=Rith"),
            MiddleFemale = Khmer.Add("សុភា=Sophea មុនី=Mony"),
        };
        var kana = new Locale("ja-Kana", "jp",
            L("マイケル ジョン デビッド ジェームズ ロバート カルロス ホセ ルイス ヴァン ミン トゥアン アン マルコス ペドロ アレックス トーマス ダニエル マーク ポール ケビン ホアン ドゥック ジュン ミンホ"),
            L("マリア アンナ サラ ジェニファー エミリー リンダ ティ ホア ラン アナ ジュリア ルシア ソフィア ローラ ミシェル ジェシカ エリザベス ナタリア オルガ フォン"),
            L("スミス ジョンソン ガルシア グエン チャン レ ファム サントス シルバ キム リー パク ゴメス ロペス ブラウン ミラー ウィルソン クルーズ レイエス ラモス オリベイラ ホアン ヴー ドー ワン チェン"),
            ["{G}・{F}", "{F}・{G}", "{F} {G}", "{G}・{M}・{F}"], ["{W}{T}株式会社", "株式会社{W}{T}", "{W}・{T}合同会社"],
            L("グローバル サクラ アジア パシフィック ユニバーサル ネクスト スター オリエンタル"),
            L("トレーディング ホールディングス ジャパン ソリューションズ ロジスティクス テクノロジー"),
            L("トウキョウ オオサカ"),
            L("株式会社"))
        {
            MiddleMale = L("ヴァン ティ マリア"),
            MiddleFemale = L("ティ マリア"),
        };
        return [km, km with { Code = "km-Latn", Render = Khmer.Romanise }, kana];
    }
}
