using SkiaSharp;

namespace GhgReporting.Jobs.Tests.Pdf;

internal static class TestImages
{
    /// <summary>A small two-colour PNG, made in memory.</summary>
    public static byte[] Png(int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = new SKColor(0x1B, 0x5E, 0x72) };
        surface.Canvas.DrawRect(new SKRect(0, 0, width / 2f, height), paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
