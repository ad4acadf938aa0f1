using System.Globalization;
using Pingtang.Domain;

namespace Pingtang.Bot.Channels.WeChat;

/// <summary>One kind's template message: the template's id, an optional link, and each field's value pattern.</summary>
public sealed record WeChatTemplate(string TemplateId, string? Url, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// The template messages (模板消息) configured per outbox kind, for when a follower's 48-hour window is closed:
/// <c>WeChat:Templates:{kind}:TemplateId</c>, optional <c>:Url</c>, and <c>:Fields:{field}</c> = a pattern in which
/// <c>{title}</c> is the message's first line, <c>{rest}</c> the lines after it (or the first when there is one),
/// <c>{text}</c> all of it, <c>{kind}</c> its kind and <c>{time}</c> the time it is sent (China time). A kind with
/// no template waits for the worker to write. Each value is cut to what WeChat takes for the field's type, named
/// by its prefix (<c>thing</c> 20 characters, <c>phrase</c> 5, …), so a long reminder never makes WeChat refuse it.
/// </summary>
public sealed class WeChatTemplates
{
    private static readonly (string Prefix, int Length)[] Limits =
    [
        ("thing", 20), ("character_string", 32), ("phrase", 5), ("name", 10), ("number", 32), ("letter", 32),
        ("symbol", 5), ("phone_number", 17), ("car_number", 8), ("amount", 32), ("time", 32), ("date", 32),
    ];

    private readonly Dictionary<string, WeChatTemplate> _byKind;

    public WeChatTemplates(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _byKind = configuration.GetSection("WeChat:Templates").GetChildren()
            .Where(kind => !string.IsNullOrWhiteSpace(kind["TemplateId"]))
            .ToDictionary(
                kind => kind.Key,
                kind => new WeChatTemplate(
                    kind["TemplateId"]!,
                    string.IsNullOrWhiteSpace(kind["Url"]) ? null : kind["Url"],
                    kind.GetSection("Fields").GetChildren().ToDictionary(f => f.Key, f => f.Value ?? "", StringComparer.Ordinal)),
                StringComparer.Ordinal);
    }

    public WeChatTemplate? For(string? kind) => kind is not null && _byKind.TryGetValue(kind, out var template) ? template : null;

    /// <summary>The template's fields filled from the message <paramref name="text"/> of <paramref name="kind"/>, sent at <paramref name="now"/>.</summary>
    public static IReadOnlyDictionary<string, string> Fill(WeChatTemplate template, string kind, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = lines.FirstOrDefault() ?? "";
        var rest = lines.Length > 1 ? string.Join(' ', lines.Skip(1)) : title;
        var time = ChinaTime.Text(now);
        return template.Fields.ToDictionary(
            f => f.Key,
            f => Cut(f.Key, f.Value.Replace("{title}", title, StringComparison.Ordinal)
                .Replace("{rest}", rest, StringComparison.Ordinal)
                .Replace("{text}", string.Join(' ', lines), StringComparison.Ordinal)
                .Replace("{kind}", kind, StringComparison.Ordinal)
                .Replace("{time}", time, StringComparison.Ordinal)),
            StringComparer.Ordinal);
    }

    private static string Cut(string field, string value)
    {
        var limit = Limits.FirstOrDefault(l => field.StartsWith(l.Prefix, StringComparison.Ordinal)).Length;
        if (limit == 0 || value.Length <= limit)
        {
            return value;
        }

        // By text elements, so an emoji or a character outside the BMP is never cut in half.
        var elements = StringInfo.GetTextElementEnumerator(value);
        var kept = new System.Text.StringBuilder();
        var count = 0;
        while (elements.MoveNext() && count < limit - 1)
        {
            kept.Append(elements.GetTextElement());
            count++;
        }

        return kept.Append('…').ToString();
    }
}
