using System.Net;
using System.Text.RegularExpressions;
using GhgReporting.Api.Tests.Service;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GhgReporting.Api.Tests.Web;

/// <summary>
/// A browser-like client for the web pages: keeps cookies, does not follow redirects (tests look at them), signs
/// in through the sign-in page, and posts forms with the antiforgery token read from the page they come from.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private PageClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static PageClient Anonymous(ServiceFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in with the sign-in form; fails the test unless it redirects to the landing page.</summary>
    public static async Task<PageClient> SignInAsync(ServiceFactory factory, string email, string password = ServiceFactory.Password)
    {
        var client = Anonymous(factory);
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"signing in as {email}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then POSTs <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await TokenAsync(formPage);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Like <see cref="PostFormAsync"/> with files: multipart/form-data.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, Dictionary<string, string> fields,
        IReadOnlyList<(string Field, string FileName, string ContentType, byte[] Content)> files)
    {
        var token = await TokenAsync(formPage);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token))) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, contentType, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(part, field, fileName);
        }
        return await Http.PostAsync(action, content);
    }

    private async Task<string> TokenAsync(string formPage)
    {
        var (status, html) = await GetAsync(formPage);
        status.Should().Be(HttpStatusCode.OK, $"the form page {formPage} must open");
        var match = TokenPattern().Match(html);
        match.Success.Should().BeTrue($"{formPage} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}
