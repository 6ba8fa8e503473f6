using WebhookConsole.Components.Pages.Deliveries;

namespace WebhookConsole.Tests.Components.Pages.Deliveries;

public sealed class DeliveryPagingTests
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
        Assert.Equal(new DeliveryPaging(index, expectedSize), DeliveryPaging.Parse(page, size));
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
        Assert.Equal(expected, DeliveryPaging.Within(pageIndex, 50, total));
    }

    [Fact]
    public void ToQuery_LeavesTheDefaultsOut()
    {
        Assert.All(DeliveryPaging.First.ToQuery().Values, Assert.Null);
        Assert.Equal(["3", "100"], new DeliveryPaging(2, 100).ToQuery().Values);
    }
}
