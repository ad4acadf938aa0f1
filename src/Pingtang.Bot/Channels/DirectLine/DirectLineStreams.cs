using System.Collections.Concurrent;

namespace Pingtang.Bot.Channels.DirectLine;

/// <summary>
/// Wakes the open WebSocket streams of a conversation when something was appended to it in this process. A stream
/// always reads what to send from the database, after its own watermark, so a lost or merged wake-up never loses an
/// activity; streams also look by themselves now and then, for what other instances wrote.
/// </summary>
public sealed class DirectLineStreams
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Listener, byte>> _listeners = new(StringComparer.Ordinal);

    public Listener Listen(string conversationId)
    {
        var listener = new Listener(this, conversationId);
        _listeners.GetOrAdd(conversationId, _ => new()).TryAdd(listener, 0);
        return listener;
    }

    public void Notify(string conversationId)
    {
        if (_listeners.TryGetValue(conversationId, out var listeners))
        {
            foreach (var listener in listeners.Keys)
            {
                listener.Wake();
            }
        }
    }

    private void Remove(Listener listener)
    {
        if (_listeners.TryGetValue(listener.ConversationId, out var listeners))
        {
            listeners.TryRemove(listener, out _);
            if (listeners.IsEmpty)
            {
                _listeners.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Listener, byte>>(listener.ConversationId, listeners));
            }
        }
    }

    /// <summary>One open stream's wake-up call.</summary>
    public sealed class Listener : IDisposable
    {
        private readonly DirectLineStreams _owner;
        private readonly SemaphoreSlim _signal = new(0, 1);

        internal Listener(DirectLineStreams owner, string conversationId)
        {
            _owner = owner;
            ConversationId = conversationId;
        }

        public string ConversationId { get; }

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

        public void Dispose()
        {
            _owner.Remove(this);
            _signal.Dispose();
        }
    }
}
