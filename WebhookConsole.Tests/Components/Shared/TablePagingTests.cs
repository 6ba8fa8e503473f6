using WebhookConsole.Components.Shared;

namespace WebhookConsole.Tests.Components.Shared;

public sealed class TablePagingTests
{
    [Theory]
    [InlineData(null, null, 0, 50)]
    [InlineData("2", "25", 1, 25)]
    [InlineData("-3", "9999", 0, 200)]
    [InlineData("0", "-5", 0, 25)]
    [InlineData(" 3 ", "37", 2, 25)]
    [InlineData("x", "x", 0, 50)]
    [InlineData("1.5", "50.0", 0, 50)]
    [InlineData("99999999999999999999", "99999999999999999999", int.MaxValue, 200)]
    public void Parse_ClampsToAPageAndAnOfferedSize_WhateverTheAddressHolds(string? page, string? size, int index, int expectedSize)
    {
        Assert.Equal(new TablePaging(index, expectedSize), TablePaging.Parse(page, size));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 0)]
    [InlineData(2, 60, 1)]
    [InlineData(1, 50, 0)]
    [InlineData(1, 51, 1)]
    [InlineData(int.MaxValue, 60, 1)]
    public void Within_KeepsThePageInsideTheRows(int pageIndex, int total, int expected)
    {
        Assert.Equal(new TablePaging(expected, 50), new TablePaging(pageIndex, 50).Within(total));
    }

    [Fact]
    public void ToQuery_LeavesTheDefaultsOut()
    {
        Assert.All(TablePaging.First.ToQuery().Values, Assert.Null);
        Assert.Equal(["3", "100"], new TablePaging(2, 100).ToQuery().Values);
    }
}
