namespace Comity.Storage.Audit;

/// <summary>Result of recomputing the audit chain.</summary>
/// <param name="RecordsChecked">Records read, including the broken one.</param>
/// <param name="FirstBrokenSequence">Sequence number of the first record that does not verify, or null.</param>
/// <param name="Problem">What is wrong with it, or null.</param>
/// <param name="HeadHash">Hash of the last record read (publish it elsewhere to detect later truncation).</param>
public sealed record AuditVerification(long RecordsChecked, long? FirstBrokenSequence, string? Problem, string HeadHash)
{
    public bool IsValid => FirstBrokenSequence is null;
}
