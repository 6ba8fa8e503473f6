using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookConsole.Data.Migrations
{
    /// <inheritdoc />
    public partial class TestSendsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_AccountId_CreatedAt_IsTest",
                table: "Deliveries",
                columns: new[] { "AccountId", "CreatedAt", "IsTest" },
                filter: "\"IsTest\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deliveries_AccountId_CreatedAt_IsTest",
                table: "Deliveries");
        }
    }
}
