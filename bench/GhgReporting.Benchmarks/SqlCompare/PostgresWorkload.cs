using GhgReporting.Benchmarks.Workload;
using GhgReporting.Calc.Factors;
using Npgsql;
using NpgsqlTypes;

namespace GhgReporting.Benchmarks.SqlCompare;

/// <summary>Tonnes and CO2e of one gas in one GPC category.</summary>
public readonly record struct GasTotal(decimal Tonnes, decimal Co2e);

/// <summary>
/// The same inventory in PostgreSQL: the activity rows, a table of the factors the engine applies
/// (one row per mix entry and gas), and the join-and-group query that computes the totals in SQL.
/// </summary>
internal sealed class PostgresWorkload(NpgsqlConnection connection)
{
    public const string TotalsQuery = """
        SELECT a.gpc, f.gas,
               sum(a.amount * f.tonnes_per_unit) AS tonnes,
               sum(a.amount * f.tonnes_per_unit * f.gwp) AS co2e
        FROM activity a JOIN line_factor f USING (gpc, activity, unit)
        GROUP BY a.gpc, f.gas
        """;

    public void CreateTables() => Execute("""
        DROP TABLE IF EXISTS activity, line_factor;
        CREATE TABLE activity (gpc text, activity text, unit text, amount numeric);
        CREATE TABLE line_factor (gpc text, activity text, unit text, gas text, tonnes_per_unit numeric, gwp numeric);
        """);

    /// <summary>Binary COPY of the generated rows.</summary>
    public void CopyActivities(byte[] entries, decimal[] amounts)
    {
        using var writer = connection.BeginBinaryImport("COPY activity (gpc, activity, unit, amount) FROM STDIN (FORMAT BINARY)");
        writer.Timeout = TimeSpan.Zero;
        for (var i = 0; i < entries.Length; i++)
        {
            var e = ActivityMix.Entries[entries[i]];
            writer.StartRow();
            writer.Write(e.GpcReference, NpgsqlDbType.Text);
            writer.Write(e.ActivityType, NpgsqlDbType.Text);
            writer.Write(e.Unit, NpgsqlDbType.Text);
            writer.Write(amounts[i], NpgsqlDbType.Numeric);
        }
        writer.Complete();
    }

    public void InsertLineFactors(IReadOnlyList<IReadOnlyList<GasFactor>> factors)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            var e = ActivityMix.Entries[i];
            foreach (var f in factors[i])
            {
                using var command = new NpgsqlCommand(
                    "INSERT INTO line_factor (gpc, activity, unit, gas, tonnes_per_unit, gwp) VALUES ($1, $2, $3, $4, $5, $6)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = e.GpcReference, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = e.ActivityType, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = e.Unit, NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = f.Gas.Symbol(), NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = f.TonnesPerUnit, NpgsqlDbType = NpgsqlDbType.Numeric });
                command.Parameters.Add(new NpgsqlParameter { Value = f.Gwp, NpgsqlDbType = NpgsqlDbType.Numeric });
                command.ExecuteNonQuery();
            }
        }
    }

    public void VacuumAnalyze() => Execute("VACUUM ANALYZE activity, line_factor");

    public long Scalar(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Text(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The plan PostgreSQL chose for <see cref="TotalsQuery"/>, with actual times and the
    /// parallel workers it planned and launched.</summary>
    public IReadOnlyList<string> ExplainAnalyze()
    {
        using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + TotalsQuery, connection);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>Runs <see cref="TotalsQuery"/> and reads every row.</summary>
    public Dictionary<(string Gpc, Gas Gas), GasTotal> QueryTotals()
    {
        using var command = new NpgsqlCommand(TotalsQuery, connection);
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<(string, Gas), GasTotal>();
        while (reader.Read())
        {
            var symbol = reader.GetString(1);
            if (!GasSymbols.TryParse(symbol, out var gas)) throw new InvalidOperationException($"Unknown gas '{symbol}' from SQL.");
            totals.Add((reader.GetString(0), gas), new GasTotal(reader.GetDecimal(2), reader.GetDecimal(3)));
        }
        return totals;
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
