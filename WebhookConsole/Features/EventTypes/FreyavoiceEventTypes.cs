namespace WebhookConsole.Features.EventTypes;

/// <summary>
/// Freyavoice AI's call, agent, workflow and campaign events (its <c>call.failed</c> shares the Volubile
/// entry). Samples are the <c>data</c> object of Freyavoice's payload; the call samples follow one call
/// and the workflow samples the follow-up that call's end triggers.
/// </summary>
internal static class FreyavoiceEventTypes
{
    private const string Source = "Freyavoice";

    public static IEnumerable<EventTypeSeed> All { get; } =
    [
        new("call.started", "Triggered when a call begins, with the call ID, phone numbers and initial context.", Source, """
            {
              "call_id": "call_8f3a2c1d9e",
              "agent_id": "agent_support_en",
              "direction": "inbound",
              "from_number": "+14155550123",
              "to_number": "+14155550199",
              "started_at": "2024-01-15T10:28:00Z",
              "context": {
                "customer_id": "cus_10482",
                "language": "en-US"
              }
            }
            """),
        new("call.ended", "Triggered when a call completes, with the call duration, outcome and summary.", Source, """
            {
              "call_id": "call_8f3a2c1d9e",
              "agent_id": "agent_support_en",
              "direction": "inbound",
              "from_number": "+14155550123",
              "to_number": "+14155550199",
              "started_at": "2024-01-15T10:28:00Z",
              "ended_at": "2024-01-15T10:30:00Z",
              "duration": 120,
              "outcome": "success",
              "summary": "Caller moved their delivery to Friday morning and confirmed the address.",
              "transcript": [
                { "role": "agent", "text": "Hi, this is Freya from Acme Deliveries. How can I help?" },
                { "role": "user", "text": "I need to move my delivery to Friday." },
                { "role": "agent", "text": "Done: Friday between 8 and 12. Anything else?" }
              ]
            }
            """),
        new("call.transferred", "Triggered when a call is transferred to a human agent or an external system.", Source, """
            {
              "call_id": "call_2b7e5f0a4c",
              "agent_id": "agent_support_en",
              "from_number": "+14155550188",
              "to_number": "+14155550199",
              "transferred_at": "2024-01-15T11:04:37Z",
              "transfer_type": "human_agent",
              "transfer_to": "+14155550142",
              "reason": "Caller asked to speak to a person about a billing dispute.",
              "transcript": [
                { "role": "user", "text": "Can I talk to a real person about my bill?" },
                { "role": "agent", "text": "Of course, I'm connecting you to our billing team now." }
              ]
            }
            """),
        new("agent.response", "Triggered when an agent generates a response, with the response text and metadata.", Source, """
            {
              "call_id": "call_8f3a2c1d9e",
              "agent_id": "agent_support_en",
              "response_text": "I can move your delivery to Friday between 8 and 12. Shall I book that?",
              "metadata": {
                "turn": 3,
                "latency_ms": 640,
                "interrupted": false,
                "language": "en-US"
              }
            }
            """),
        new("agent.function_called", "Triggered when an agent calls a function, with the function name, parameters and result.", Source, """
            {
              "call_id": "call_8f3a2c1d9e",
              "agent_id": "agent_support_en",
              "function_name": "reschedule_delivery",
              "parameters": {
                "order_id": "ORD-58213",
                "date": "2024-01-19",
                "window": "08:00-12:00"
              },
              "result": {
                "success": true,
                "confirmation": "RSC-7741"
              },
              "duration_ms": 412
            }
            """),
        new("agent.error", "Triggered when an agent encounters an error, with the error details and context.", Source, """
            {
              "call_id": "call_8f3a2c1d9e",
              "agent_id": "agent_support_en",
              "error": {
                "code": "FUNCTION_TIMEOUT",
                "message": "Function lookup_order did not answer within 10 seconds."
              },
              "context": {
                "turn": 2,
                "function_name": "lookup_order",
                "parameters": { "order_id": "ORD-58213" }
              }
            }
            """),
        new("workflow.started", "Triggered when a workflow begins execution.", Source, """
            {
              "workflow_id": "wf_post_call_followup",
              "execution_id": "exec_3k9QpL2v",
              "call_id": "call_8f3a2c1d9e",
              "trigger": "call.ended",
              "started_at": "2024-01-15T10:30:01Z",
              "input": {
                "outcome": "success",
                "from_number": "+14155550123"
              }
            }
            """),
        new("workflow.node_executed", "Triggered when a workflow node completes, with the node details and output.", Source, """
            {
              "workflow_id": "wf_post_call_followup",
              "execution_id": "exec_3k9QpL2v",
              "node_id": "node_send_sms",
              "node_type": "sms",
              "status": "success",
              "output": {
                "message_id": "msg_91xZ4t",
                "to": "+14155550123"
              },
              "duration_ms": 238
            }
            """),
        new("workflow.completed", "Triggered when a workflow finishes, with its final state and results.", Source, """
            {
              "workflow_id": "wf_post_call_followup",
              "execution_id": "exec_3k9QpL2v",
              "call_id": "call_8f3a2c1d9e",
              "status": "completed",
              "nodes_executed": ["node_classify_outcome", "node_send_sms", "node_update_crm"],
              "final_state": {
                "sms_sent": true,
                "crm_record_id": "0035g00000XyZ12"
              },
              "duration_ms": 1874,
              "completed_at": "2024-01-15T10:30:03Z"
            }
            """),
        new("workflow.error", "Triggered when a workflow encounters an error.", Source, """
            {
              "workflow_id": "wf_post_call_followup",
              "execution_id": "exec_7Rt2nW8k",
              "call_id": "call_2b7e5f0a4c",
              "node_id": "node_update_crm",
              "error": {
                "code": "HTTP_502",
                "message": "The CRM endpoint answered 502 Bad Gateway."
              },
              "failed_at": "2024-01-15T11:06:12Z"
            }
            """),
        new("campaign.started", "Triggered when a campaign begins.", Source, """
            {
              "campaign_id": "camp_q1_renewals",
              "name": "Q1 renewal reminders",
              "agent_id": "agent_renewals_en",
              "total_contacts": 500,
              "started_at": "2024-01-15T09:00:00Z"
            }
            """),
        new("campaign.call_completed", "Triggered when a campaign call completes, with the call results.", Source, """
            {
              "campaign_id": "camp_q1_renewals",
              "call_id": "call_5c1d8a3f7b",
              "agent_id": "agent_renewals_en",
              "from_number": "+14155550100",
              "to_number": "+14155550177",
              "attempt": 1,
              "duration": 94,
              "outcome": "renewed",
              "summary": "Customer renewed the annual plan and asked for the receipt by email."
            }
            """),
        new("campaign.completed", "Triggered when a campaign finishes, with its final statistics.", Source, """
            {
              "campaign_id": "camp_q1_renewals",
              "name": "Q1 renewal reminders",
              "started_at": "2024-01-15T09:00:00Z",
              "completed_at": "2024-01-15T17:42:10Z",
              "statistics": {
                "total_contacts": 500,
                "calls_attempted": 500,
                "calls_connected": 412,
                "calls_failed": 88,
                "success_rate": 0.62,
                "average_duration": 87
              }
            }
            """),
    ];
}
