using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GhgReporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectsAndCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_transactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    quantity = table.Column<long>(type: "bigint", nullable: false),
                    ranges = table.Column<string>(type: "jsonb", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: true),
                    retirement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_transactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    host_city_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    partner_city_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    sector = table.Column<string>(type: "text", nullable: false),
                    methodology_id = table.Column<string>(type: "text", nullable: false),
                    methodology_version = table.Column<string>(type: "text", nullable: false),
                    ex_ante_parameters = table.Column<string>(type: "jsonb", nullable: false),
                    crediting_start = table.Column<DateOnly>(type: "date", nullable: false),
                    crediting_end = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "text", nullable: false),
                    funding_scheme = table.Column<string>(type: "text", nullable: true),
                    co_benefits = table.Column<string>(type: "text", nullable: true),
                    outcomes = table.Column<string>(type: "text", nullable: true),
                    is_illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                    table.CheckConstraint("ck_projects_cities_differ", "host_city_id <> partner_city_id");
                    table.ForeignKey(
                        name: "fk_projects_cities_host_city_id",
                        column: x => x.host_city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_projects_cities_partner_city_id",
                        column: x => x.partner_city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    city_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_accounts", x => x.id);
                    table.CheckConstraint("ck_credit_accounts_kind", "(kind = 'project' AND project_id IS NOT NULL) OR (kind = 'city' AND project_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_credit_accounts_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_accounts_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    supersedes_id = table.Column<Guid>(type: "uuid", nullable: true),
                    superseded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    reference_emissions = table.Column<decimal>(type: "numeric", nullable: true),
                    project_emissions = table.Column<decimal>(type: "numeric", nullable: true),
                    leakage = table.Column<decimal>(type: "numeric", nullable: true),
                    reductions = table.Column<decimal>(type: "numeric", nullable: true),
                    credits = table.Column<long>(type: "bigint", nullable: true),
                    calculation = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by_user_id = table.Column<string>(type: "text", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by_user_id = table.Column<string>(type: "text", nullable: true),
                    review_summary = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_periods", x => x.id);
                    table.CheckConstraint("ck_monitoring_periods_dates", "period_end >= period_start");
                    table.ForeignKey(
                        name: "fk_monitoring_periods_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retirements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<long>(type: "bigint", nullable: false),
                    beneficiary = table.Column<string>(type: "text", nullable: false),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    verification_code = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retirements", x => x.id);
                    table.ForeignKey(
                        name: "fk_retirements_credit_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "credit_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reductions = table.Column<decimal>(type: "numeric", nullable: false),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_contributions_monitoring_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "monitoring_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_files_monitoring_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "monitoring_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitored_parameters",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    index = table.Column<string>(type: "text", nullable: true),
                    value = table.Column<decimal>(type: "numeric", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    monitoring_option = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    measurement_method = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitored_parameters", x => x.id);
                    table.CheckConstraint("ck_monitored_parameters_option", "monitoring_option IN ('A', 'B', 'C')");
                    table.ForeignKey(
                        name: "fk_monitored_parameters_monitoring_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "monitoring_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "verification_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parameter = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verification_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_verification_comments_monitoring_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "monitoring_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credits",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial = table.Column<long>(type: "bigint", nullable: false),
                    vintage = table.Column<int>(type: "integer", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_number = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    retirement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    issuance_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credits", x => new { x.project_id, x.serial });
                    table.CheckConstraint("ck_credits_state", "state IN ('issued', 'retired', 'cancelled') AND (state = 'retired') = (retirement_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_credits_credit_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "credit_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credits_monitoring_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "monitoring_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credits_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credits_retirements_retirement_id",
                        column: x => x.retirement_id,
                        principalTable: "retirements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_period_id",
                table: "contributions",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_accounts_project_id",
                table: "credit_accounts",
                column: "project_id",
                unique: true,
                filter: "kind = 'project'");

            migrationBuilder.CreateIndex(
                name: "ux_credit_accounts_city",
                table: "credit_accounts",
                column: "city_id",
                unique: true,
                filter: "kind = 'city'");

            migrationBuilder.CreateIndex(
                name: "ix_credit_transactions_project_id",
                table: "credit_transactions",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ux_credit_transactions_one_issuance_per_period",
                table: "credit_transactions",
                column: "period_id",
                unique: true,
                filter: "kind = 'issue'");

            migrationBuilder.CreateIndex(
                name: "ix_credits_account_id_state_project_id_vintage",
                table: "credits",
                columns: new[] { "account_id", "state", "project_id", "vintage" });

            migrationBuilder.CreateIndex(
                name: "ix_credits_period_id",
                table: "credits",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_credits_retirement_id",
                table: "credits",
                column: "retirement_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_period_id",
                table: "evidence_files",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitored_parameters_period_id",
                table: "monitored_parameters",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_periods_project_id_number_version",
                table: "monitoring_periods",
                columns: new[] { "project_id", "number", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_periods_supersedes_id",
                table: "monitoring_periods",
                column: "supersedes_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_code",
                table: "projects",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_host_city_id",
                table: "projects",
                column: "host_city_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_partner_city_id",
                table: "projects",
                column: "partner_city_id");

            migrationBuilder.CreateIndex(
                name: "ix_retirements_account_id",
                table: "retirements",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_retirements_verification_code",
                table: "retirements",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verification_comments_period_id",
                table: "verification_comments",
                column: "period_id");
            migrationBuilder.Sql(MigrationSql.ProjectGuards);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.DropProjectGuards);

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "credit_transactions");

            migrationBuilder.DropTable(
                name: "credits");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "monitored_parameters");

            migrationBuilder.DropTable(
                name: "verification_comments");

            migrationBuilder.DropTable(
                name: "retirements");

            migrationBuilder.DropTable(
                name: "monitoring_periods");

            migrationBuilder.DropTable(
                name: "credit_accounts");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
