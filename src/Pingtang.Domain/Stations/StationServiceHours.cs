using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pingtang.Domain.Stations;

/// <summary>A station's <see cref="ServiceTerms"/> as its staff set them: one row per station.</summary>
public sealed class StationServiceHours
{
    private StationServiceHours()
    {
    }

    public int StationId { get; private set; }

    public TimeOnly MorningOpens { get; private set; }

    public TimeOnly MorningCloses { get; private set; }

    public TimeOnly AfternoonOpens { get; private set; }

    public TimeOnly AfternoonCloses { get; private set; }

    public int FirstResponseMinutes { get; private set; }

    public int UrgentFirstResponseMinutes { get; private set; }

    public int ResolutionWorkingDays { get; private set; }

    public ServiceTerms Terms => new(MorningOpens, MorningCloses, AfternoonOpens, AfternoonCloses, FirstResponseMinutes, UrgentFirstResponseMinutes, ResolutionWorkingDays);

    public static StationServiceHours Create(int stationId, ServiceTerms terms)
    {
        var hours = new StationServiceHours { StationId = stationId };
        hours.Change(terms);
        return hours;
    }

    /// <summary>Sets new terms; broken ones are a <see cref="DomainException"/> and change nothing.</summary>
    public void Change(ServiceTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Problem() is { } problem)
        {
            throw new DomainException(problem);
        }

        (MorningOpens, MorningCloses, AfternoonOpens, AfternoonCloses) = (terms.MorningOpens, terms.MorningCloses, terms.AfternoonOpens, terms.AfternoonCloses);
        (FirstResponseMinutes, UrgentFirstResponseMinutes, ResolutionWorkingDays) = (terms.FirstResponseMinutes, terms.UrgentFirstResponseMinutes, terms.ResolutionWorkingDays);
    }

    /// <summary>The terms of <paramref name="stationId"/>, or <see cref="ServiceTerms.Default"/> for a station without its own.</summary>
    public static async Task<ServiceTerms> TermsOfAsync(PingtangDb db, int stationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hours = await db.Set<StationServiceHours>().AsNoTracking().SingleOrDefaultAsync(h => h.StationId == stationId, cancellationToken);
        return hours?.Terms ?? ServiceTerms.Default;
    }
}

internal sealed class StationServiceHoursConfiguration : IEntityTypeConfiguration<StationServiceHours>
{
    public void Configure(EntityTypeBuilder<StationServiceHours> builder)
    {
        builder.ToTable("StationServiceHours");
        builder.HasKey(h => h.StationId);
        builder.Property(h => h.StationId).ValueGeneratedNever();
        builder.HasOne<Station>().WithOne().HasForeignKey<StationServiceHours>(h => h.StationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(h => h.Terms);
        var terms = ServiceTerms.Default;
        // The three stations StationConfiguration seeds.
        builder.HasData(Enumerable.Range(1, 3).Select(station => new
        {
            StationId = station,
            terms.MorningOpens,
            terms.MorningCloses,
            terms.AfternoonOpens,
            terms.AfternoonCloses,
            terms.FirstResponseMinutes,
            terms.UrgentFirstResponseMinutes,
            terms.ResolutionWorkingDays,
        }));
    }
}
