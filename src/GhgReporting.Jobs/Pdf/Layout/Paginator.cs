using System.Globalization;
using SkiaSharp;

namespace GhgReporting.Jobs.Pdf.Layout;

/// <summary>
/// Places measured units top to bottom in the content rectangle, starting a new page when the next
/// unit (with the units it keeps with) does not fit. Units are never split; a unit taller than an
/// empty page is refused with a <see cref="PdfLayoutException"/> rather than clipped.
/// </summary>
internal sealed class Paginator(SKRect content)
{
    /// <summary>Longest chain of keep-with-next units moved together (title → heading → table header → first row).</summary>
    private const int MaxKeepChain = 4;

    private readonly List<List<Fragment>> pages = [];
    private List<Fragment> page = [];
    private float cursor;
    private bool pageIsEmpty;

    public IReadOnlyList<IReadOnlyList<Fragment>> Paginate(IReadOnlyList<LayoutUnit> units)
    {
        StartPage();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.IsPageBreak)
            {
                if (!pageIsEmpty)
                    StartPage();
                continue;
            }
            PlaceWithBreak(unit, ChainHeight(units, i));
        }
        return pages;
    }

    private void PlaceWithBreak(LayoutUnit unit, float chainHeight)
    {
        var spaceBefore = pageIsEmpty ? 0 : unit.SpaceBefore;
        if (!pageIsEmpty && cursor + spaceBefore + chainHeight > content.Bottom)
        {
            StartPage();
            spaceBefore = 0;
            if (unit.RepeatedHeader is { } header)
                Place(header, 0);
        }
        if (cursor + spaceBefore + unit.Height > content.Bottom)
        {
            throw new PdfLayoutException(string.Create(CultureInfo.InvariantCulture,
                $"The {unit.Description} is {unit.Height:F1} pt tall but only {content.Bottom - cursor:F1} pt are free on an empty page; it cannot be split. Shorten it or make it smaller."));
        }
        Place(unit, spaceBefore);
    }

    /// <summary>Height of the unit plus the units it keeps with, or the unit alone if the chain could never fit a page.</summary>
    private float ChainHeight(IReadOnlyList<LayoutUnit> units, int start)
    {
        var height = units[start].Height;
        for (var i = start; i < units.Count - 1 && i - start < MaxKeepChain - 1 && units[i].KeepWithNext; i++)
        {
            var next = units[i + 1];
            if (next.IsPageBreak)
                break;
            height += next.SpaceBefore + next.Height;
        }
        return height <= content.Height ? height : units[start].Height;
    }

    private void Place(LayoutUnit unit, float spaceBefore)
    {
        var top = cursor + spaceBefore;
        foreach (var fragment in unit.Fragments)
            page.Add(fragment.Offset(content.Left, top));
        cursor = top + unit.Height;
        pageIsEmpty = false;
    }

    private void StartPage()
    {
        page = [];
        pages.Add(page);
        cursor = content.Top;
        pageIsEmpty = true;
    }
}
