using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebhookConsole.Tests.Support;

/// <summary>Posts the console's static sign-in and setup forms the way a browser does, hidden fields included.</summary>
public static partial class ConsoleSignIn
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Str0ng!Passw0rd";

    public static readonly Dictionary<string, string?> BootstrapAdmin = new()
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
    };

    public static HttpClient CreateBrowserLikeClient(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the form page, then posts its hidden fields plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        var form = await HiddenFieldsAsync(client, path);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts the user menu's sign-out form of a console page, its antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client) =>
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(await HiddenFieldsAsync(client, "/webhooks")));

    /// <summary>The hidden fields (the antiforgery token among them) of the form on the page at <paramref name="path"/>.</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email = AdminEmail, string password = AdminPassword) =>
        PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex(@"<input[^>]*type=""hidden""[^>]*name=""(?<name>[^""]+)""[^>]*value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInput();
}
