namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// Volubile's webhooks, whose payload is its "Get a call" object. <c>call.failed</c> is also a
/// Freyavoice event, so its one entry adds Freyavoice's error details to the Volubile shape.
/// </summary>
internal static class VolubileEventTypes
{
    public static IEnumerable<EventTypeSeed> All { get; } =
    [
        new("call.completed", "Sent once a call is completed, with the details of the call.", "Volubile", """
            {
              "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
              "agentId": "7b1e4d2a-9c3f-4e8b-a6d5-0f2c8e9b1a47",
              "phone": "+33612345678",
              "type": "INBOUND",
              "duration": 360,
              "startTime": "2024-07-30T14:35:00Z",
              "endTime": "2024-07-30T14:41:00Z",
              "anonymous": false,
              "status": "COMPLETED",
              "extractors": [
                {
                  "name": "customer",
                  "value": [
                    { "name": "firstname", "value": ["John"] },
                    { "name": "lastname", "value": ["Doe"] },
                    { "name": "address", "value": ["123 Main St"] }
                  ]
                },
                {
                  "name": "example",
                  "value": ["example1", "example2"]
                }
              ],
              "extractorData": {
                "customer": {
                  "firstname": "John",
                  "lastname": "Doe",
                  "address": "123 Main St"
                },
                "example": "example1"
              },
              "classifiers": [
                { "name": "Customer's request", "value": "Refund", "type": "PRIMARY" },
                { "name": "Sentiment", "value": "Positive", "type": "SECONDARY" }
              ],
              "classifierData": {
                "Customer's request": "Refund",
                "Sentiment": "Positive"
              },
              "context": {
                "firstName": "John",
                "lastName": "Doe",
                "commandNumber": "5HZ99FRT",
                "system.phone": "+33612345678"
              },
              "recorded": true,
              "summary": "Discussed project requirements and next steps.",
              "created": "2024-07-30T14:45:00Z"
            }
            """),
        new("call.failed", "Sent when a call fails to connect or an error occurs, with the details of the call and the error.", "Volubile, Freyavoice", """
            {
              "id": "5d2f8a1e-3b6c-4f9d-8e7a-1c4b9d2e6f30",
              "agentId": "7b1e4d2a-9c3f-4e8b-a6d5-0f2c8e9b1a47",
              "phone": "+33698765432",
              "type": "OUTBOUND",
              "duration": 0,
              "startTime": "2024-07-30T15:02:00Z",
              "endTime": "2024-07-30T15:02:30Z",
              "anonymous": false,
              "status": "FAILED",
              "extractors": [],
              "extractorData": {},
              "classifiers": [],
              "classifierData": {},
              "context": {
                "firstName": "Marie",
                "lastName": "Dubois",
                "commandNumber": "7KQ21MZT",
                "system.phone": "+33698765432"
              },
              "recorded": false,
              "summary": null,
              "created": "2024-07-30T15:02:31Z",
              "error": {
                "code": "NO_ANSWER",
                "message": "The callee did not answer within 30 seconds."
              }
            }
            """),
    ];
}
