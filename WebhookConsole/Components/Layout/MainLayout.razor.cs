using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace WebhookConsole.Components.Layout;

public partial class MainLayout
{
    /// <summary>Where the browser keeps the admin's light or dark choice, so every page and reload opens in it.</summary>
    private const string DarkModeKey = "webhookconsole.darkMode";

    private bool drawerOpen = true;
    private bool darkMode;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && await JS.InvokeAsync<string?>("localStorage.getItem", DarkModeKey) == "true")
        {
            darkMode = true;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        await JS.InvokeVoidAsync("localStorage.setItem", DarkModeKey, darkMode ? "true" : "false");
    }
}
