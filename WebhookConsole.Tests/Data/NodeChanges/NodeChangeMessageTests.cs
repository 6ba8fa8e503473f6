using System.Text;
using WebhookConsole.Data.NodeChanges;

namespace WebhookConsole.Tests.Data.NodeChanges;

public sealed class NodeChangeMessageTests
{
    private const string Sender = "node-a:4242:0123abcd";

    [Fact]
    public void Parse_ReadsWhatToPayloadWrote_ForEveryKind()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };

        var setup = NodeChangeMessage.Parse(NodeChangeMessage.WebhookSetup(Sender).ToPayload());
        var many = NodeChangeMessage.Parse(NodeChangeMessage.ManyDeliveries(Sender).ToPayload());
        var deliveries = NodeChangeMessage.Parse(NodeChangeMessage.Deliveries(Sender, ids).ToPayload());
        var tokens = NodeChangeMessage.Parse(NodeChangeMessage.ApiTokens(Sender).ToPayload());

        Assert.Equal((NodeChangeKind.WebhookSetup, Sender), (setup!.Kind, setup.Sender));
        Assert.Equal((NodeChangeKind.ManyDeliveries, Sender), (many!.Kind, many.Sender));
        Assert.Equal((NodeChangeKind.Deliveries, Sender), (deliveries!.Kind, deliveries.Sender));
        Assert.Equal(ids, deliveries.DeliveryIds);
        Assert.Equal((NodeChangeKind.ApiTokens, Sender), (tokens!.Kind, tokens.Sender));
        Assert.Equal("t||" + Sender, NodeChangeMessage.ApiTokens(Sender).ToPayload());
    }

    [Fact]
    public void Parse_KeepsTheSenderWhole_WhenItsNameHoldsTheSeparators()
    {
        var sender = "rack|7,ü:1:abcdef01";

        var message = NodeChangeMessage.Parse(NodeChangeMessage.Deliveries(sender, [Guid.Empty]).ToPayload());

        Assert.Equal(sender, message!.Sender);
        Assert.Equal([Guid.Empty], message.DeliveryIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("s|")]
    [InlineData("s||")]
    [InlineData("x||node")]
    [InlineData("s|123|node")]
    [InlineData("d||node")]
    [InlineData("d|not-an-id|node")]
    [InlineData("d|00000000000000000000000000000000,|node")]
    [InlineData("ss||node")]
    [InlineData("t|00000000000000000000000000000000|node")]
    public void Parse_AnswersNull_WhenThePayloadIsNotOneThisNodeUnderstands(string payload) =>
        Assert.Null(NodeChangeMessage.Parse(payload));

    [Fact]
    public void DeliveryCapacity_FillsAMessageToJustUnderPostgresLimit_WhenTheNodeNameIsLongAndNotAscii()
    {
        // Dispatcher:NodeName takes up to 60 characters; the process id and a random part are appended.
        var sender = new string('ß', 60) + ":4194304:0123abcd";
        var capacity = NodeChangeMessage.DeliveryCapacity(sender);

        var full = NodeChangeMessage.Deliveries(sender, Enumerable.Range(0, capacity).Select(_ => Guid.NewGuid()).ToList()).ToPayload();
        var overfull = NodeChangeMessage.Deliveries(sender, Enumerable.Range(0, capacity + 1).Select(_ => Guid.NewGuid()).ToList()).ToPayload();

        Assert.InRange(Encoding.UTF8.GetByteCount(full), 7999 - 33, 7999);
        Assert.True(Encoding.UTF8.GetByteCount(overfull) >= 8000);
    }
}
