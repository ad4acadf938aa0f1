namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// The open WebSocket streams of each conversation in this process: wakes them when something was appended, and
/// keeps at most <see cref="MaxPerConversation"/> of them, closing the oldest when another opens. A stream always
/// reads what to send from the database, after its own watermark, so a lost or merged wake-up never loses an
/// activity; on PostgreSQL other instances' appends wake them too (<see cref="DirectLineWakeUps"/>), and streams
/// also look by themselves now and then, should a wake-up be lost on the way.
/// </summary>
public sealed class DirectLineStreams
{
    /// <summary>
    /// A page holds one stream, and a reconnect briefly two; any more are one token opening streams in bulk (the
    /// outside test opened 200, each polling the database).
    /// </summary>
    public const int MaxPerConversation = 3;

    private readonly Dictionary<string, List<Listener>> _listeners = new(StringComparer.Ordinal);

    public Listener Listen(string conversationId)
    {
        var listener = new Listener(this, conversationId);
        Listener? oldest = null;
        lock (_listeners)
        {
            if (!_listeners.TryGetValue(conversationId, out var open))
            {
                _listeners[conversationId] = open = [];
            }

            open.Add(listener);
            if (open.Count > MaxPerConversation)
            {
                oldest = open[0];
                open.RemoveAt(0);
            }
        }

        oldest?.Supersede();
        return listener;
    }

    public void Notify(string conversationId)
    {
        Listener[] open;
        lock (_listeners)
        {
            if (!_listeners.TryGetValue(conversationId, out var listeners))
            {
                return;
            }

            open = [.. listeners];
        }

        foreach (var listener in open)
        {
            listener.Wake();
        }
    }

    /// <summary>Wakes every stream of this process: after a time in which wake-ups may have been missed.</summary>
    public void NotifyAll()
    {
        Listener[] open;
        lock (_listeners)
        {
            open = [.. _listeners.Values.SelectMany(listeners => listeners)];
        }

        foreach (var listener in open)
        {
            listener.Wake();
        }
    }

    private void Remove(Listener listener)
    {
        lock (_listeners)
        {
            if (_listeners.TryGetValue(listener.ConversationId, out var open) && open.Remove(listener) && open.Count == 0)
            {
                _listeners.Remove(listener.ConversationId);
            }
        }
    }

    /// <summary>One open stream's wake-up call, and its notice that a newer stream took its place.</summary>
    public sealed class Listener : IDisposable
    {
        private readonly DirectLineStreams _owner;
        private readonly SemaphoreSlim _signal = new(0, 1);
        private readonly CancellationTokenSource _superseded = new();

        internal Listener(DirectLineStreams owner, string conversationId)
        {
            _owner = owner;
            ConversationId = conversationId;
        }

        public string ConversationId { get; }

        /// <summary>Cancelled when the conversation opened more streams than it may keep, and this one is the oldest.</summary>
        public CancellationToken Superseded => _superseded.Token;

        /// <summary>Waits until something is appended or <paramref name="timeout"/> passes.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
            await _signal.WaitAsync(timeout, cancellationToken);

        internal void Wake()
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake: one read will pick up both appends.
            }
            catch (ObjectDisposedException)
            {
                // The stream closed while we were waking it.
            }
        }

        internal void Supersede()
        {
            try
            {
                _superseded.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream closed by itself meanwhile.
            }
        }

        public void Dispose()
        {
            _owner.Remove(this);
            _signal.Dispose();
            _superseded.Dispose();
        }
    }
}
