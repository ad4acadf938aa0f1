using Pingtang.Bot.Dialogs;
using Pingtang.Bot.Workers;
using Pingtang.Domain.Townships;
using Pingtang.Domain.Workers;

namespace Pingtang.Bot.Profile;

/// <summary>The profile being filled in, and where the flow is. Saved with the dialog stack.</summary>
public sealed class ProfileFlow
{
    public string? Name { get; set; }

    public string? Mobile { get; set; }

    public int? BirthYear { get; set; }

    public string? HomeTownship { get; set; }

    public string? CurrentCity { get; set; }

    public List<string> Trades { get; set; } = [];

    public bool AcceptsReminders { get; set; }

    /// <summary>The fields still to ask, by index into <see cref="ProfileFields.All"/>.</summary>
    public List<int> Queue { get; set; } = [];

    public int Current { get; set; }

    public bool Changed { get; set; }

    public bool IsNew { get; set; }

    public void Load(WorkerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        (Name, Mobile, BirthYear, HomeTownship) = (profile.Name, profile.Mobile, profile.BirthYear, profile.HomeTownship);
        (CurrentCity, Trades, AcceptsReminders) = (profile.CurrentCity, profile.Trades.ToList(), profile.AcceptsReminders);
    }

    public WorkerProfile ToProfile() => new(Name, Mobile, BirthYear, HomeTownship, CurrentCity, Trades, AcceptsReminders);
}

/// <summary>One question of 我的信息: its title, which prompt asks it, and how the answer lands in the profile.</summary>
public sealed record ProfileField(
    string Title,
    string PromptId,
    PromptOptions Ask,
    Action<ProfileFlow, object> Apply,
    Func<ProfileFlow, string?> Show);

public static class ProfileFields
{
    public const string BirthYearPrompt = "profile.birth-year";
    public const string CityPrompt = "profile.city";

    /// <summary>The seven fields, in the order they are asked and shown.</summary>
    public static readonly IReadOnlyList<ProfileField> All =
    [
        new("称呼", WorkerPrompts.Name, new() { Text = ProfileTexts.AskName },
            (f, v) => f.Name = (string)v, f => f.Name),
        new("手机号", StandardPrompts.Mobile, new() { Text = ProfileTexts.AskMobile },
            (f, v) => f.Mobile = (string)v, f => f.Mobile),
        new("出生年份", BirthYearPrompt, new() { Text = ProfileTexts.AskBirthYear },
            (f, v) => f.BirthYear = (int)v, f => f.BirthYear is { } y ? $"{y}年" : null),
        new("户籍乡镇", StandardPrompts.Choice, new() { Text = ProfileTexts.AskTownship, Choices = Township.Names },
            (f, v) => f.HomeTownship = Township.Names[(int)v], f => f.HomeTownship),
        new("现在所在城市", CityPrompt, new() { Text = ProfileTexts.AskCity },
            (f, v) => f.CurrentCity = (string)v, f => f.CurrentCity),
        new("会的工种", StandardPrompts.Choices, new() { Text = ProfileTexts.AskTrades, Choices = Trades.Common },
            (f, v) => f.Trades = ((IReadOnlyList<int>)v).Select(i => Trades.Common[i]).ToList(),
            f => f.Trades.Count == 0 ? null : string.Join('、', f.Trades)),
        new("接收提醒", StandardPrompts.Confirm, new() { Text = ProfileTexts.AskReminders },
            (f, v) => f.AcceptsReminders = (bool)v, f => f.AcceptsReminders ? ProfileTexts.Yes : ProfileTexts.No),
    ];

    public static readonly IReadOnlyList<string> Titles = All.Select(f => f.Title).ToList();

    public static string Summary(ProfileFlow flow) =>
        ProfileTexts.Summary + "\n" + string.Join('\n', All.Select((field, i) => $"{i + 1}. {field.Title}：{field.Show(flow) ?? ProfileTexts.NotFilled}"));
}
