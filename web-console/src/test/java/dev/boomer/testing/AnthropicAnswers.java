package dev.boomer.testing;

/** Bodies a stub of Anthropic's Messages API answers with, as the API sends them. */
public final class AnthropicAnswers {

    /** A confident listing as the forced tool call's input: FAST's answer is accepted, SMART is not asked. */
    public static final String CONFIDENT = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5",
             "content":[{"type":"tool_use","id":"toolu_01","name":"record_listing","input":
               {"brand":"Canon","model":"AE-1 Program","category":"Cameras & Photo > Film Photography > Film Cameras",
                "condition":"USED_VERY_GOOD","title":"Canon AE-1 Program 35mm SLR Film Camera Body Black",
                "description":"A Canon AE-1 Program body.","searchQuery":"canon ae-1 program","gtin":null,
                "itemSpecifics":[{"name":"Brand","value":"Canon"},{"name":"Type","value":"SLR"}],
                "confidence":{"brand":0.98,"model":0.95,"category":0.95,"condition":0.9,"title":0.95}}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":1500,"output_tokens":300,"cache_creation_input_tokens":0,
                      "cache_read_input_tokens":0}}""";

    private AnthropicAnswers() {
    }
}
