using Bogus;

namespace ParkTwin.Simulation.Synthetic;

/// <summary>Made-up but plausible names for parks and enterprises (pinyin trade names).</summary>
static class Names
{
    static readonly string[] TradeWords =
    [
        "Hongda", "Xinyuan", "Tianfu", "Shuguang", "Jinsha", "Minjiang", "Huaxin", "Chuanwei", "Longteng", "Ruifeng",
        "Zhongke", "Hengtai", "Yongxing", "Baiyun", "Dingsheng", "Fuhua", "Guanghe", "Haoyang", "Jiahe", "Kaiyuan",
        "Lianchuang", "Mingde", "Qianshan", "Rongxin", "Shengli", "Tongda", "Weiye", "Xiangyun", "Yuanhang", "Zhenxing",
        "Anning", "Baota", "Changjiang", "Dadu", "Emei", "Fengming", "Gongga", "Huilong", "Jialing", "Qingcheng",
    ];

    static readonly string[] ProvincialSuffixes =
        ["Economic Development Zone", "Industrial Park", "High-tech Industrial Zone", "Industrial Concentration Zone"];

    static readonly string[] NationalSuffixes =
        ["National Economic and Technological Development Zone", "National High-tech Industrial Development Zone"];

    public static string Park(Randomizer random, string prefecture, string focusName, bool national) =>
        $"{prefecture} {focusName} {random.ArrayElement(national ? NationalSuffixes : ProvincialSuffixes)}";

    public static string Enterprise(Randomizer random, string prefecture, string industryName) =>
        $"{prefecture} {random.ArrayElement(TradeWords)} {ShortIndustry(industryName)} Co., Ltd.";

    /// <summary>"Steel (EAF-dominated mix)" → "Steel"; "Food and drink (...)" → "Food and drink".</summary>
    public static string ShortIndustry(string name)
    {
        var cut = name.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? name[..cut] : name;
    }
}
