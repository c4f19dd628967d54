using System.Globalization;
using GhgReporting.Benchmarks.Workload;

namespace GhgReporting.Benchmarks.SqlCompare;

/// <summary>Arguments of <c>sql-compare</c>.</summary>
internal sealed record SqlCompareOptions(int Rows, string Connection, ulong Seed)
{
    public const string Usage =
        "usage: sql-compare --rows <count> --connection \"Host=127.0.0.1;Port=55433;Username=postgres;Database=ghgbench\" [--seed <n>]";

    /// <exception cref="ArgumentException">An argument is missing, unknown or not a number.</exception>
    public static SqlCompareOptions Parse(IReadOnlyList<string> args)
    {
        int? rows = null;
        string? connection = null;
        var seed = RecordGenerator.DefaultSeed;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--rows":
                    rows = int.TryParse(value.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0
                        ? r : throw new ArgumentException($"--rows '{value}' is not a positive whole number below 2^31. {Usage}");
                    break;
                case "--connection":
                    connection = value;
                    break;
                case "--seed":
                    seed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                        ? s : throw new ArgumentException($"--seed '{value}' is not a whole number. {Usage}");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
            i++;
        }
        return new SqlCompareOptions(
            rows ?? throw new ArgumentException($"--rows is required. {Usage}"),
            connection ?? throw new ArgumentException($"--connection is required. {Usage}"),
            seed);
    }
}
