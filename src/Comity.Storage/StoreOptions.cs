using Comity.Storage.Reviews;

namespace Comity.Storage;

/// <summary>Options shared by every store provider.</summary>
public sealed record StoreOptions
{
    public static StoreOptions Default { get; } = new();

    /// <summary>Source of every timestamp the store writes (UTC).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a writer waits for another process's write lock before failing.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The rule applied to reviews (the four-eyes policy of Comity.Application); a store without one
    /// refuses reviews.</summary>
    public IReviewPolicy? ReviewPolicy { get; init; }

    /// <summary>How long an idempotency key replays its request (default 24 hours); afterwards the key is free again
    /// (its alerts stay).</summary>
    public TimeSpan IdempotencyLifetime { get; init; } = DefaultIdempotencyLifetime;

    /// <summary>Default of <see cref="IdempotencyLifetime"/>.</summary>
    public static TimeSpan DefaultIdempotencyLifetime => TimeSpan.FromHours(24);

    /// <summary>Secret key of the keyed audit chain (see <see cref="Audit.AuditKeys"/>), held outside the database:
    /// when set, every appended record carries an HMAC-SHA256 of its hash, and verification requires a valid MAC on
    /// every record. Null: the chain is unkeyed (anyone who can write the database can recompute it).</summary>
    public string? AuditKey { get; init; }
}
