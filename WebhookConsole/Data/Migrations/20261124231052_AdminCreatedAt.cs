using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminCreatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Admins added on the admins page were audited then: they keep that date. The others (the bootstrap
            // admin, the first admin set up in the browser) were not, and get the time of this migration.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "CreatedAt" = COALESCE(
                    (SELECT MIN(e."OccurredAt") FROM "AuditEntries" e
                     WHERE e."Action" = 'admin.created' AND lower(e."EntityId") = lower("AspNetUsers"."Id")),
                    strftime('%Y-%m-%d %H:%M:%f', 'now'))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "AspNetUsers");
        }
    }
}
