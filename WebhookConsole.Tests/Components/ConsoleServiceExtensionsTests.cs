using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using WebhookConsole.Tests.Support;

namespace WebhookConsole.Tests.Components;

[Collection(AppCollection.Name)]
public sealed class ConsoleServiceExtensionsTests
{
    [Fact]
    public async Task Snackbars_ShowAtTheBottomRight_SoTheTopBarStaysUsable()
    {
        await using var app = new AppFactory();

        // The snackbar service itself needs a circuit's navigation; it is built from these options.
        var snackbars = app.Services.GetRequiredService<IOptions<SnackbarConfiguration>>().Value;

        Assert.Equal(Defaults.Classes.Position.BottomRight, snackbars.PositionClass);
    }
}
