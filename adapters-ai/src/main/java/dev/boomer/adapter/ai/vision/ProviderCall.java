package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;

/** One HTTP request to a provider, before it is sent: where, with which headers, carrying which JSON. */
public record ProviderCall(URI uri, Map<String, String> headers, ObjectNode body) {
    public ProviderCall {
        headers = Map.copyOf(headers);
    }
}
