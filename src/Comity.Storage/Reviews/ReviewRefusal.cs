namespace Comity.Storage.Reviews;

/// <summary>Why a review was not applied.</summary>
public enum ReviewRefusal
{
    AlertNotFound,

    /// <summary>The alert is closed; closed alerts take no further reviews.</summary>
    AlertClosed,

    /// <summary>Four eyes: the reviewer who asked for a true match cannot also confirm it.</summary>
    SameReviewer,

    /// <summary>The alert is already escalated.</summary>
    AlreadyEscalated,
}
