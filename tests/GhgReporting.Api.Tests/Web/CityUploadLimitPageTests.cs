using System.Net;
using System.Text;
using GhgReporting.Api.Tests.Service;
using CsvUploads = GhgReporting.Api.Tests.Service.Uploads;

namespace GhgReporting.Api.Tests.Web;

/// <summary>The upload page's own size limit (Web:MaxUploadBytes, bigger files go through the API), set low here.</summary>
public sealed class CityUploadLimitPageTests(CityUploadLimitPageTests.Factory factory) : IClassFixture<CityUploadLimitPageTests.Factory>
{
    public sealed class Factory : ServiceFactory
    {
        public Factory() => Settings["Web:MaxUploadBytes"] = "2048";
    }

    [Fact]
    public async Task Upload_LargerThanThePageLimit_SaysSoWithBothSizes_AndStoresNothing()
    {
        var (reporter, _) = await factory.AddCityAsync("web-up-big", "VN", "Big File City");
        using var page = await PageClient.SignInAsync(factory, reporter);
        var rows = Enumerable.Range(1, 60).Select(i => $"I.1.2,electricity:grid,{i},MWh,2022-01-01,2022-12-31,high,EVN invoices {i}").ToArray();
        var bytes = Encoding.UTF8.GetBytes(CsvUploads.Csv(rows));
        bytes.Length.Should().BeGreaterThan(2048);

        var response = await page.PostMultipartAsync("/city/web-up-big/upload", "/city/web-up-big/upload", new() { ["Year"] = "2022" },
            [("file", "big.csv", "text/csv", bytes)]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())
            .Should().Contain("File: big.csv is").And.Contain("This page takes files up to 2 KB").And.Contain("or send it through the API");
        (await page.GetAsync("/city/web-up-big")).Html.Should().NotContain("/city/web-up-big/upload/", "no draft was kept");
    }
}
