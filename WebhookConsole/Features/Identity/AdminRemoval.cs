namespace WebhookConsole.Features.Identity;

/// <summary>What came of a request to remove an admin.</summary>
internal enum AdminRemoval
{
    Removed,
    NotFound,
    /// <summary>Refused: an admin cannot remove themself, so nobody locks themself out by a slip.</summary>
    Self,
    /// <summary>Refused: the console would be left with nobody who can sign in.</summary>
    LastAdmin,
    /// <summary>Another change to the admins ran at the same moment (PostgreSQL); nothing was changed.</summary>
    Conflict,
}
