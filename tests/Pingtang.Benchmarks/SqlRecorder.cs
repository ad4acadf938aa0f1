using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pingtang.Benchmarks;

/// <summary>The SQL a search sends, with its parameter values: the baseline replays exactly these commands.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value, System.Data.DbType Type)> Parameters);

/// <summary>Records the commands EF Core sends while switched on, so the baseline runs the same SQL without EF Core.</summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private List<RecordedCommand>? _recording;

    public async Task<IReadOnlyList<RecordedCommand>> RecordAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _recording = [];
        try
        {
            await run();
            return _recording;
        }
        finally
        {
            _recording = null;
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        _recording?.Add(Recorded(command));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        _recording?.Add(Recorded(command));
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static RecordedCommand Recorded(DbCommand command) =>
        new(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value, p.DbType))]);
}
