using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_AccountId_Status_CreatedAt",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Attempts_WebhookId_CreatedAt",
                table: "Attempts");

            migrationBuilder.CreateIndex(
                name: "IX_Events_AccountId_ReceivedAt",
                table: "Events",
                columns: new[] { "AccountId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_AccountId_Status_CreatedAt_IsTest",
                table: "Deliveries",
                columns: new[] { "AccountId", "Status", "CreatedAt", "IsTest" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_AccountId_WebhookId_Status_CreatedAt_IsTest",
                table: "Deliveries",
                columns: new[] { "AccountId", "WebhookId", "Status", "CreatedAt", "IsTest" });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_WebhookId_CreatedAt_DurationMs",
                table: "Attempts",
                columns: new[] { "WebhookId", "CreatedAt", "DurationMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_AccountId_ReceivedAt",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_AccountId_Status_CreatedAt_IsTest",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_AccountId_WebhookId_Status_CreatedAt_IsTest",
                table: "Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Attempts_WebhookId_CreatedAt_DurationMs",
                table: "Attempts");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_AccountId_Status_CreatedAt",
                table: "Deliveries",
                columns: new[] { "AccountId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_WebhookId_CreatedAt",
                table: "Attempts",
                columns: new[] { "WebhookId", "CreatedAt" });
        }
    }
}
