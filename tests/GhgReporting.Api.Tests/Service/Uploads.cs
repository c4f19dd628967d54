using System.Net.Http.Headers;
using System.Text;

namespace GhgReporting.Api.Tests.Service;

/// <summary>Builds upload requests the way a browser or curl sends them.</summary>
public static class Uploads
{
    public const string Header = "gpc_reference,activity_type,amount,unit,period_start,period_end,data_quality,source";

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static MultipartFormDataContent File(string fileName, byte[] bytes, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    public static MultipartFormDataContent File(string fileName, string text) => File(fileName, Encoding.UTF8.GetBytes(text));

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string cityId, int year, string csv, Guid? supersedes = null, string fileName = "data.csv") =>
        client.PostAsync($"/api/cities/{cityId}/submissions?year={year}{(supersedes is null ? "" : $"&supersedes={supersedes}")}", File(fileName, csv));
}
