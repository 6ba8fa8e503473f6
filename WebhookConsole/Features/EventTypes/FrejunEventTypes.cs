namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// FreJun's webhook events, with exactly the documented fields. Each payload names its own event in
/// <c>event</c> (FreJun's document shows call.recording with call_reason's name, a copy-paste slip).
/// </summary>
internal static class FrejunEventTypes
{
    private const string Source = "FreJun";

    public static IEnumerable<EventTypeSeed> All { get; } =
    [
        new("call.status", "Sent when the status of a call changes.", Source, """
            {
              "event": "call.status",
              "call_id": "c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70",
              "call_creator": "priya.sharma@example.com",
              "candidate_number": "+919876543210",
              "virtual_number": "+918069458720",
              "call_status": "completed"
            }
            """),
        new("call.propertyChange.notes", "Sent when the notes of a call are added or changed.", Source, """
            {
              "event": "call.propertyChange.notes",
              "call_id": "c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70",
              "call_creator": "priya.sharma@example.com",
              "candidate_number": "+919876543210",
              "virtual_number": "+918069458720",
              "call_details": {
                "notes": "Candidate asked to move the interview to Friday at 3 PM."
              }
            }
            """),
        new("call.propertyChange.call_reason", "Sent when the reason of a call is set or changed.", Source, """
            {
              "event": "call.propertyChange.call_reason",
              "call_id": "c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70",
              "call_creator": "priya.sharma@example.com",
              "candidate_number": "+919876543210",
              "virtual_number": "+918069458720",
              "call_details": {
                "call_reason": "Interview scheduling"
              }
            }
            """),
        new("call.propertyChange.call_outcome", "Sent when the outcome of a call is set or changed.", Source, """
            {
              "event": "call.propertyChange.call_outcome",
              "call_id": "c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70",
              "call_creator": "priya.sharma@example.com",
              "candidate_number": "+919876543210",
              "virtual_number": "+918069458720",
              "call_details": {
                "call_outcome": "Interested"
              }
            }
            """),
        new("call.recording", "Sent when the recording of a call is available.", Source, """
            {
              "event": "call.recording",
              "call_id": "c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70",
              "call_creator": "priya.sharma@example.com",
              "candidate_number": "+919876543210",
              "virtual_number": "+918069458720",
              "recording": "https://recordings.example.com/frejun/c9e2f4a1-7b3d-4e8a-9f6c-2d5b8e1a4c70.mp3"
            }
            """),
    ];
}
