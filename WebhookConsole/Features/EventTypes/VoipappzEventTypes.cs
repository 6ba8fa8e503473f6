namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// The voipappz console's system events. The four <c>Call:*</c> samples follow one queue call through
/// its life and carry every field of the voipappz call record; fields not yet known are null.
/// </summary>
internal static class VoipappzEventTypes
{
    private const string Source = "voipappz";

    public static IEnumerable<EventTypeSeed> All { get; } =
    [
        new("Call:Ringing", "Triggered when the call is ringing.", Source, """
            {
              "direction": "incoming",
              "uuid": "bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "type": "did_to_que",
              "created_at": "2024-12-02T21:04:40.701+00:00",
              "contact_number": "972541234567",
              "caller_id_number": "972541234567",
              "duration": 0,
              "ring_duration": 0,
              "destination": "039000000",
              "start_at": "23:04:40",
              "answer_at": null,
              "environment_name": "ITD2024",
              "user_fullname": "Dana Levi",
              "user_name": "dana.levi",
              "extension_username": "101",
              "cause": null,
              "sip_status": "180",
              "recording_url": null,
              "duration_time": "00:00:00",
              "billing_duration": null,
              "billing_duration_time": null,
              "did_number": "972722791142",
              "did_name": "Support Line",
              "queue_disposition": null,
              "ivr_name": null,
              "call_state": "ringing",
              "queue_name": "Que1"
            }
            """),
        new("Call:Answer", "Triggered when the call has been answered.", Source, """
            {
              "direction": "incoming",
              "uuid": "bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "type": "did_to_que",
              "created_at": "2024-12-02T21:04:40.701+00:00",
              "contact_number": "972541234567",
              "caller_id_number": "972541234567",
              "duration": 30,
              "ring_duration": 30,
              "destination": "039000000",
              "start_at": "23:04:40",
              "answer_at": "23:05:10",
              "environment_name": "ITD2024",
              "user_fullname": "Dana Levi",
              "user_name": "dana.levi",
              "extension_username": "101",
              "cause": "answer",
              "sip_status": "200",
              "recording_url": null,
              "duration_time": "00:00:30",
              "billing_duration": null,
              "billing_duration_time": null,
              "did_number": "972722791142",
              "did_name": "Support Line",
              "queue_disposition": "answer",
              "ivr_name": null,
              "call_state": "answered",
              "queue_name": "Que1"
            }
            """),
        new("Call:Hangup", "Triggered when the call has ended.", Source, """
            {
              "direction": "incoming",
              "uuid": "bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "type": "did_to_que",
              "created_at": "2024-12-02T21:04:40.701+00:00",
              "contact_number": "972541234567",
              "caller_id_number": "972541234567",
              "duration": 371,
              "ring_duration": 30,
              "destination": "039000000",
              "start_at": "23:04:40",
              "answer_at": "23:05:10",
              "environment_name": "ITD2024",
              "user_fullname": "Dana Levi",
              "user_name": "dana.levi",
              "extension_username": "101",
              "cause": "answer",
              "sip_status": "200",
              "recording_url": "https://cloud.voipappz.io/recordings/bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "duration_time": "00:06:11",
              "billing_duration": null,
              "billing_duration_time": null,
              "did_number": "972722791142",
              "did_name": "Support Line",
              "queue_disposition": "answer",
              "ivr_name": null,
              "call_state": "hangup",
              "queue_name": "Que1"
            }
            """),
        new("Call:Reporting", "Triggered when the system is done collecting all the call information required for billing and reporting.", Source, """
            {
              "direction": "incoming",
              "uuid": "bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "type": "did_to_que",
              "created_at": "2024-12-02T21:04:40.701+00:00",
              "contact_number": "972541234567",
              "caller_id_number": "972541234567",
              "duration": 371,
              "ring_duration": 30,
              "destination": "039000000",
              "start_at": "23:04:40",
              "answer_at": "23:05:10",
              "environment_name": "ITD2024",
              "user_fullname": "Dana Levi",
              "user_name": "dana.levi",
              "extension_username": "101",
              "cause": "answer",
              "sip_status": "200",
              "recording_url": "https://cloud.voipappz.io/recordings/bfd7e62a-5a55-4286-9453-b4b4cfc5cca8",
              "duration_time": "00:06:11",
              "billing_duration": 341,
              "billing_duration_time": "00:05:41",
              "did_number": "972722791142",
              "did_name": "Support Line",
              "queue_disposition": "answer",
              "ivr_name": null,
              "call_state": "completed",
              "queue_name": "Que1"
            }
            """),
        new("Ivr:Start", "Triggered when an IVR starts.", Source, """
            {
              "direction": "incoming",
              "uuid": "6c1e9a43-0f7d-4b8e-a2d5-93e4c7b1f608",
              "type": "did_to_ivr",
              "created_at": "2024-12-02T21:12:03.418+00:00",
              "contact_number": "972527654321",
              "caller_id_number": "972527654321",
              "destination": "039000000",
              "start_at": "23:12:03",
              "answer_at": "23:12:03",
              "environment_name": "ITD2024",
              "did_number": "972722791150",
              "did_name": "Main Line",
              "ivr_name": "Main Menu",
              "call_state": "ivr"
            }
            """),
        new("Ivr:End", "Triggered when an IVR ends.", Source, """
            {
              "direction": "incoming",
              "uuid": "6c1e9a43-0f7d-4b8e-a2d5-93e4c7b1f608",
              "type": "did_to_ivr",
              "created_at": "2024-12-02T21:12:03.418+00:00",
              "contact_number": "972527654321",
              "caller_id_number": "972527654321",
              "duration": 24,
              "destination": "039000000",
              "start_at": "23:12:03",
              "answer_at": "23:12:03",
              "environment_name": "ITD2024",
              "duration_time": "00:00:24",
              "did_number": "972722791150",
              "did_name": "Main Line",
              "ivr_name": "Main Menu",
              "call_state": "queue",
              "queue_name": "Que1"
            }
            """),
    ];
}
