namespace WebhookConsole.Features.Accounts;

internal static class AccountServiceExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddScoped<SelectedAccount>();
        return builder;
    }
}
