namespace WebhookConsole.Data.Paging;

/// <summary>A row of a newest-first list, which pages by its (created, id).</summary>
internal interface IPagedRow
{
    Guid Id { get; }

    DateTime CreatedAt { get; }
}
