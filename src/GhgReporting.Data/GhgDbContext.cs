using GhgReporting.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GhgReporting.Data;

/// <summary>
/// The service's PostgreSQL schema. Amounts are <c>numeric</c> (exact); names are snake_case. Rules the
/// database enforces (immutable submissions and activity records, frozen published inventories, an
/// append-only audit log) are triggers written in the migrations, see <see cref="MigrationSql"/>.
/// </summary>
public sealed class GhgDbContext(DbContextOptions<GhgDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and bearer tokens, shared by every API process.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<City> Cities => Set<City>();

    public DbSet<CityPartnership> Partnerships => Set<CityPartnership>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<StoredActivityRecord> ActivityRecords => Set<StoredActivityRecord>();

    public DbSet<InventoryVersion> InventoryVersions => Set<InventoryVersion>();

    public DbSet<InventoryFigure> InventoryFigures => Set<InventoryFigure>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<FactorCatalogVersion> FactorCatalogs => Set<FactorCatalogVersion>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<MonitoringPeriod> MonitoringPeriods => Set<MonitoringPeriod>();

    public DbSet<MonitoredParameter> MonitoredParameters => Set<MonitoredParameter>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<VerificationComment> VerificationComments => Set<VerificationComment>();

    public DbSet<CreditAccount> CreditAccounts => Set<CreditAccount>();

    public DbSet<Credit> Credits => Set<Credit>();

    public DbSet<CreditTransaction> CreditTransactions => Set<CreditTransaction>();

    public DbSet<Retirement> Retirements => Set<Retirement>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<StoredReport> Reports => Set<StoredReport>();

    /// <summary>Uploaded files waiting for their uploader's confirmation (web pages' preview); not submissions.</summary>
    public DbSet<UploadDraft> UploadDrafts => Set<UploadDraft>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // No amount in floating point: every decimal is an unconstrained numeric (exact, any scale).
        builder.Properties<decimal>().HaveColumnType("numeric");
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        model.Entity<IdentityRole>().ToTable("roles");
        model.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        model.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        model.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        model.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        model.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        model.Entity<AppUser>(u =>
        {
            u.ToTable("users");
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<City>(c =>
        {
            c.ToTable("cities", t => t.HasCheckConstraint("ck_cities_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'"));
            c.Property(x => x.Id).HasMaxLength(64);
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Country).HasMaxLength(2).IsFixedLength();
            c.Property(x => x.SubRegion).HasMaxLength(64);
            c.Property(x => x.Climate).HasMaxLength(64);
        });

        model.Entity<CityPartnership>(p =>
        {
            p.ToTable("city_partnerships", t => t.HasCheckConstraint("ck_city_partnerships_ordered", "city_id < partner_city_id"));
            p.HasIndex(x => new { x.CityId, x.PartnerCityId }).IsUnique();
            p.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<City>().WithMany().HasForeignKey(x => x.PartnerCityId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Submission>(s =>
        {
            s.ToTable("submissions", t => t.HasCheckConstraint("ck_submissions_version", "version >= 1 AND (version = 1) = (supersedes_id IS NULL)"));
            s.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne<Submission>().WithOne().HasForeignKey<Submission>(x => x.SupersedesId).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.SupersedesId).IsUnique();
            s.HasIndex(x => new { x.SeriesId, x.Version }).IsUnique();
            s.HasIndex(x => new { x.CityId, x.Year });
            // The same file for the same city and year is stored once while current.
            s.HasIndex(x => new { x.CityId, x.Year, x.ContentSha256 }).IsUnique()
                .HasFilter("superseded_by_id IS NULL AND content_sha256 IS NOT NULL")
                .HasDatabaseName("ux_submissions_current_content");
            s.Property(x => x.ContentSha256).HasMaxLength(64);
            s.Property(x => x.Format).HasMaxLength(8);
            s.Property(x => x.CatalogHash).HasMaxLength(64);
        });

        model.Entity<StoredActivityRecord>(r =>
        {
            // Written only by binary COPY and read by queries, never tracked: no key in the model. Measured on
            // a million-row COPY (bench/upload-benchmark.sh), a per-row foreign key costs ~4 s and a btree
            // primary key ~0.5 s against ~0.6 s for the rows themselves. So the reference to the submission
            // is checked once per COPY statement by a trigger (MigrationSql), and rows are found through a
            // BRIN index: a submission's rows are written together, and ids are time-ordered (UUIDv7).
            r.ToTable("activity_records");
            r.HasNoKey();
            r.HasIndex(x => x.SubmissionId).HasMethod("brin");
        });

        model.Entity<InventoryVersion>(v =>
        {
            v.ToTable("inventory_versions");
            v.HasIndex(x => new { x.CityId, x.Year, x.Version }).IsUnique();
            v.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Restrict);
            v.Property(x => x.Document).HasColumnType("jsonb");
            v.Property(x => x.NotationKeys).HasColumnType("jsonb");
            v.Ignore(x => x.IsPublished);
        });

        model.Entity<InventoryFigure>(f =>
        {
            f.ToTable("inventory_figures");
            f.HasKey(x => new { x.VersionId, x.GpcReference });
            f.HasOne<InventoryVersion>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_log");
            a.Property(x => x.Details).HasColumnType("jsonb");
            a.HasIndex(x => x.At);
            a.HasIndex(x => new { x.EntityType, x.EntityId });
        });

        model.Entity<FactorCatalogVersion>(c =>
        {
            c.ToTable("factor_catalogs");
            c.HasKey(x => x.ContentHash);
            c.Property(x => x.Files).HasColumnType("jsonb");
        });

        ConfigureProjects(model);
        ConfigureCredits(model);
        model.Entity<StoredReport>(r =>
        {
            r.ToTable("reports");
            r.HasIndex(x => new { x.Kind, x.SubjectKey }).IsUnique();
            r.HasIndex(x => x.CityId);
            r.Property(x => x.Sources).HasColumnType("jsonb");
        });
        model.Entity<UploadDraft>(d =>
        {
            d.ToTable("upload_drafts", t => t.HasCheckConstraint("ck_upload_drafts_format", "format IN ('csv', 'xlsx')"));
            d.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Cascade);
            d.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => new { x.UserId, x.CityId });
            // Old drafts are removed by age.
            d.HasIndex(x => x.CreatedAt);
            d.Property(x => x.Format).HasMaxLength(8);
            d.Property(x => x.Sha256).HasMaxLength(64);
        });
    }

    private static void ConfigureProjects(ModelBuilder model)
    {
        model.Entity<Project>(p =>
        {
            p.ToTable("projects", t => t.HasCheckConstraint("ck_projects_cities_differ", "host_city_id <> partner_city_id"));
            p.HasIndex(x => x.Code).IsUnique();
            p.Property(x => x.Code).HasMaxLength(40);
            p.Property(x => x.ExAnteParameters).HasColumnType("jsonb");
            p.HasOne<City>().WithMany().HasForeignKey(x => x.HostCityId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<City>().WithMany().HasForeignKey(x => x.PartnerCityId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<MonitoringPeriod>(m =>
        {
            m.ToTable("monitoring_periods", t => t.HasCheckConstraint("ck_monitoring_periods_dates", "period_end >= period_start"));
            m.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => new { x.ProjectId, x.Number, x.Version }).IsUnique();
            m.HasIndex(x => x.SupersedesId).IsUnique();
            m.Property(x => x.Calculation).HasColumnType("jsonb");
        });
        model.Entity<MonitoredParameter>(m =>
        {
            m.ToTable("monitored_parameters", t => t.HasCheckConstraint("ck_monitored_parameters_option", "monitoring_option IN ('A', 'B', 'C')"));
            m.HasOne<MonitoringPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => x.PeriodId);
        });
        model.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.HasOne<MonitoringPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.PeriodId);
        });
        model.Entity<VerificationComment>(c =>
        {
            c.ToTable("verification_comments");
            c.HasOne<MonitoringPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => x.PeriodId);
        });
    }

    private static void ConfigureCredits(ModelBuilder model)
    {
        model.Entity<CreditAccount>(a =>
        {
            a.ToTable("credit_accounts", t => t.HasCheckConstraint("ck_credit_accounts_kind",
                "(kind = 'project' AND project_id IS NOT NULL) OR (kind = 'city' AND project_id IS NULL)"));
            a.HasOne<City>().WithMany().HasForeignKey(x => x.CityId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => x.ProjectId).IsUnique().HasFilter("kind = 'project'");
            a.HasIndex(x => x.CityId).IsUnique().HasFilter("kind = 'city'").HasDatabaseName("ux_credit_accounts_city");
        });
        model.Entity<Credit>(c =>
        {
            c.ToTable("credits", t => t.HasCheckConstraint("ck_credits_state", "state IN ('issued', 'retired', 'cancelled') AND (state = 'retired') = (retirement_id IS NOT NULL)"));
            c.HasKey(x => new { x.ProjectId, x.Serial });
            c.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<CreditAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<MonitoringPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Retirement>().WithMany().HasForeignKey(x => x.RetirementId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.AccountId, x.State, x.ProjectId, x.Vintage });
            // A verified period's reductions are issued once.
            c.HasIndex(x => x.PeriodId);
        });
        model.Entity<CreditTransaction>(t =>
        {
            t.ToTable("credit_transactions");
            t.Property(x => x.Ranges).HasColumnType("jsonb");
            t.HasIndex(x => x.ProjectId);
            t.HasIndex(x => x.PeriodId).IsUnique().HasFilter("kind = 'issue'").HasDatabaseName("ux_credit_transactions_one_issuance_per_period");
        });
        model.Entity<Retirement>(r =>
        {
            r.ToTable("retirements");
            r.HasIndex(x => x.VerificationCode).IsUnique();
            r.HasOne<CreditAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<Contribution>(c =>
        {
            c.ToTable("contributions");
            c.HasOne<MonitoringPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
