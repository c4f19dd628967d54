using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GhgReporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "upload_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    city_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: true),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_drafts", x => x.id);
                    table.CheckConstraint("ck_upload_drafts_format", "format IN ('csv', 'xlsx')");
                    table.ForeignKey(
                        name: "fk_upload_drafts_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_upload_drafts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_upload_drafts_city_id",
                table: "upload_drafts",
                column: "city_id");

            migrationBuilder.CreateIndex(
                name: "ix_upload_drafts_created_at",
                table: "upload_drafts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_upload_drafts_user_id_city_id",
                table: "upload_drafts",
                columns: new[] { "user_id", "city_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "upload_drafts");
        }
    }
}
