using Microsoft.EntityFrameworkCore;

namespace WebhookConsole.Data;

internal static class DbContextSaveExtensions
{
    /// <summary>
    /// Saves, or answers false when a row this context read and now changes or deletes was deleted by another request
    /// meanwhile: the caller's object is gone, which it reports like any object not found. Nothing is saved then.
    /// </summary>
    public static async Task<bool> SaveUnlessGoneAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
