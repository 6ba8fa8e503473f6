using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookConsole.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenWorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ReplayOfId",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_NextAttemptAt",
                table: "Deliveries",
                column: "NextAttemptAt",
                filter: "\"NextAttemptAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReplayOfId",
                table: "Deliveries",
                column: "ReplayOfId",
                filter: "\"ReplayOfId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_NextAttemptAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ReplayOfId",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReplayOfId",
                table: "Deliveries",
                column: "ReplayOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Status_NextAttemptAt",
                table: "Deliveries",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
