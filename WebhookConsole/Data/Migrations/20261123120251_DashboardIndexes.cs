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
            migrationBuilder.CreateIndex(
                name: "IX_Events_AccountId_ReceivedAt",
                table: "Events",
                columns: new[] { "AccountId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_AccountId_CreatedAt_Status_IsTest_WebhookId",
                table: "Deliveries",
                columns: new[] { "AccountId", "CreatedAt", "Status", "IsTest", "WebhookId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_AccountId_ReceivedAt",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_AccountId_CreatedAt_Status_IsTest_WebhookId",
                table: "Deliveries");
        }
    }
}
