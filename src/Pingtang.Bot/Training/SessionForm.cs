using System.Globalization;
using Pingtang.Domain;
using Pingtang.Domain.Sheets;
using Pingtang.Domain.Stations;
using Pingtang.Domain.Training;

namespace Pingtang.Bot.Training;

/// <summary>
/// The session form as staff typed it, so a refused form comes back with their text in it. <see cref="StationId"/>
/// is an admin's choice; a station's staff plan for their own station whatever the form says.
/// </summary>
public sealed record SessionForm(int CourseId, int StationId, string Place, string StartsOn, string EndsOn, string EnrolBy, string Schedule, string Seats, string Fee, string Bring, string AgeMin, string AgeMax, string Townships, string Prerequisites)
{
    public const string ChooseCourse = "请选择课程";

    public static SessionForm Empty { get; } = new(0, Station.CountyCentreId, "", "", "", "", "", "", "免费", "身份证", "", "", "", "");

    public static SessionForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string F(string key) => form[key].ToString().Trim();
        int Id(string key, int otherwise) => int.TryParse(F(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : otherwise;
        return new(Id("course", 0), Id("station", Station.CountyCentreId), F("place"), F("startsOn"), F("endsOn"), F("enrolBy"), F("schedule"), F("seats"), F("fee"), F("bring"), F("ageMin"), F("ageMax"), F("townships"), F("prerequisites"));
    }

    public static SessionForm Of(TrainingSession s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new(s.CourseId, s.StationId, s.Place, D(s.StartsOn), D(s.EndsOn), D(s.EnrolBy), s.Schedule, s.Seats.ToString(CultureInfo.InvariantCulture), s.Fee, s.Bring, s.AgeMin?.ToString(CultureInfo.InvariantCulture) ?? "", s.AgeMax?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join("、", s.Townships), s.Prerequisites);
    }

    /// <summary>The details, or the first field that could not be read or is not valid on <paramref name="today"/>, in words for staff.</summary>
    public (TrainingSessionDetails? Details, string? Problem) Details(DateOnly today)
    {
        string? problem = null;
        DateOnly Date(string label, string text) => SheetCells.Date(text, out var p) is { } d ? d : Fail<DateOnly>(label, p ?? SheetTexts.EmptyCell);
        int? Number(string label, string text) => SheetCells.WholeNumber(text, out var p) is var n && p is null ? n : Fail<int?>(label, p!);
        T Fail<T>(string label, string message)
        {
            problem ??= $"{label}：{message}";
            return default!;
        }

        var details = new TrainingSessionDetails
        {
            Place = Place,
            StartsOn = Date("开班日期", StartsOn),
            EndsOn = Date("结业日期", EndsOn),
            EnrolBy = Date("报名截止", EnrolBy),
            Schedule = Schedule,
            Seats = Number("名额", Seats) ?? Fail<int>("名额", SheetTexts.EmptyCell),
            Fee = Fee,
            Bring = Bring,
            AgeMin = Number("年龄下限", AgeMin),
            AgeMax = Number("年龄上限", AgeMax),
            Townships = TypedText.List(Townships),
            Prerequisites = Prerequisites,
        };
        return problem is null ? (details, details.Validate(today)) : (null, problem);
    }
}
