namespace Pingtang.Bot.Dialogs;

/// <summary>Prompts any feature can use by id; a feature registers its own when it needs its own validation.</summary>
public static class StandardPrompts
{
    public const string Choice = "prompt.choice";
    public const string Choices = "prompt.choices";
    public const string Confirm = "prompt.confirm";
    public const string Mobile = "prompt.mobile";
    public const string Number = "prompt.number";
    public const string Date = "prompt.date";
    public const string Attachment = "prompt.attachment";
}
